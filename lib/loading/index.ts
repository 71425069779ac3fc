export * from './cfn-yaml-tags';
export * from './cloud-assembly';
export * from './errors';
export * from './json-resource-lines';
export * from './limits';
export * from './load-paths';
export * from './loaded-template';
export * from './parse-template';
