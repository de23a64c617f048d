// Booleans as Falco reads them: yaml-cpp's convert<bool> accepts y/n, yes/no, true/false, on/off in
// three cases each, where a YAML 1.2 parser (ours) leaves all but true/false as strings. `-o key=value`
// overrides arrive as strings too.
export const YAML_CPP_TRUE = /^(y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
export const YAML_CPP_FALSE = /^(n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/;

/** true when Falco would read the value as the boolean true. */
export function isOn(v: unknown): boolean {
  return v === true || (typeof v === 'string' && YAML_CPP_TRUE.test(v));
}
