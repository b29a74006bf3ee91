/**
 * Whether `check` and `init` follow the links a release's texts contain: not with `--no-follow`, nor
 * when the environment sets `APERTURE_NO_FOLLOW=1`; otherwise the checker's default (follow).
 *
 * @example
 * followLinksOption(options.follow, io.env) // false | undefined
 */
export function followLinksOption(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): false | undefined {
  return flag === false || env.APERTURE_NO_FOLLOW === '1' ? false : undefined;
}
