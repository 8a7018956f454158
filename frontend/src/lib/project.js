// How a project is named in the shell. Pure, unit-tested.

/**
 * The project's name, with its county in front only when the name does not already say it
 * (稷山县雪亮工程一期 stays as it is; 雪亮工程一期 of 稷山县 reads 稷山县 雪亮工程一期).
 */
export function projectLabel(project) {
  if (!project) return ''
  const name = (project.name || '').trim()
  const county = (project.county || '').trim()
  if (!county || name.includes(county)) return name || county
  return name ? `${county} ${name}` : county
}
