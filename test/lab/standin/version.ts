// Falco STAND-IN (falco-doctor lab), not Falco: `falco --version` and GET /versions.
// Only the Falco version (0.44.1) is the one we imitate; the component versions below are copied
// from the real 0.42.1 sample (shared/fixtures/falco/samples/version.txt) and are NOT verified for 0.44.1.
import { FALCO_VERSION } from './metrics.js';

const COMPONENTS = {
  libs: '0.22.2',
  pluginApi: '3.12.0',
  engine: '0.57.0',
  driverApi: '8.0.0',
  driverSchema: '4.0.1',
  defaultDriver: '9.0.0+driver',
};

export function versionText(): string {
  const c = COMPONENTS;
  return [
    `Falco version: ${FALCO_VERSION}`,
    `Libs version:  ${c.libs}`,
    `Plugin API:    ${c.pluginApi}`,
    `Engine:        ${c.engine}`,
    'Driver:',
    `  API version:    ${c.driverApi}`,
    `  Schema version: ${c.driverSchema}`,
    `  Default driver: ${c.defaultDriver}`,
    '',
  ].join('\n');
}

export function versionsJson(): string {
  const c = COMPONENTS;
  return JSON.stringify({
    default_driver_version: c.defaultDriver,
    driver_api_version: c.driverApi,
    driver_schema_version: c.driverSchema,
    engine_version: c.engine.split('.')[1],
    engine_version_semver: c.engine,
    falco_version: FALCO_VERSION,
    libs_version: c.libs,
    plugin_api_version: c.pluginApi,
    plugin_versions: {},
  });
}
