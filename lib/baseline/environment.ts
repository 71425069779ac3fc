import type { EnvironmentKind, EnvironmentName } from '../config';

/** Which environment a baseline stack is: its name (in stack names, aliases, identifiers) and its kind (prod-only behaviour). */
export interface BaselineEnvironment {
  readonly name: EnvironmentName;
  readonly kind: EnvironmentKind;
}
