/** TypeScript -> JavaScript with sucrase: types stripped, line numbers kept (errors point at the user's line). */
import { transform } from 'sucrase';

export function transpileTypeScript(code: string): string {
  return transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
}
