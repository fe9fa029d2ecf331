/**
 * Checks an override folder's manifest against the engine's contract
 * version. A major mismatch is fatal: fields the overrides use may be gone
 * or mean something else. A minor mismatch or a missing manifest only warns.
 */
import path from 'node:path';
import { ApiforgeError, type Diagnostic } from '../../diagnostics.js';
import { displayPath } from './ast.js';
import { TEMPLATE_MANIFEST, parseContractVersion, readTemplateManifest } from './manifest.js';

/** Returns warnings; throws a `template-error` on a major mismatch or a malformed manifest. */
export function checkOverrideManifest(dir: string, contractVersion: string): Diagnostic[] {
  const file = displayPath(path.join(dir, TEMPLATE_MANIFEST));
  const current = parseContractVersion(contractVersion);
  if (!current) throw new ApiforgeError('internal-error', `invalid template contract version "${contractVersion}"`);
  const manifest = readTemplateManifest(dir);
  if (!manifest) {
    return [
      {
        code: 'template-error',
        message: `no ${TEMPLATE_MANIFEST} in the overrides folder; add {"contract": "${contractVersion}"} so upgrades can check compatibility`,
        location: { file: displayPath(dir) },
      },
    ];
  }
  const declared = parseContractVersion(manifest.contract)!;
  if (declared.major !== current.major) {
    throw new ApiforgeError(
      'template-error',
      `template overrides were written for contract ${manifest.contract} but this apiforge provides ${contractVersion}; ` +
        `a major change removes or renames view fields. Run \`apiforge templates diff\` and update the overrides, then set "contract": "${contractVersion}"`,
      { file },
    );
  }
  if (declared.minor !== current.minor) {
    const why =
      declared.minor < current.minor
        ? 'new fields are available'
        : 'fields they use may not exist in this older apiforge';
    return [
      {
        code: 'template-error',
        message: `template overrides were written for contract ${manifest.contract}, this apiforge provides ${contractVersion} (${why}); run \`apiforge templates diff\`, then set "contract": "${contractVersion}"`,
        location: { file },
      },
    ];
  }
  return [];
}
