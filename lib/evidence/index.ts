export * from './access-review-input';
export * from './app-facts';
export * from './documents';
export * from './pack';
export * from './profile';
export * from './write';
export * from './zip';
