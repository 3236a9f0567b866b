import type { LucideIcon } from 'lucide-react'

/**
 * Icons a list repeats on every row, drawn once per page as `<symbol>`s that each row's icon
 * points at with `<use>`. A lucide component is two forwardRefs building ~10 attributes and
 * every path per icon: five icons a row made ~1,000 components and ~2,000 SVG nodes on a 100-row
 * page. Keystroke → all 100 rows after the debounce, builds before and after, 40 filter changes
 * each (`npx tsx bench/compare-filters.ts <before> <after> 4`): median 131 → 117 ms, longest task
 * 62 → 58 ms (issue 9's 200 ms guard).
 */
export function iconSprite<const Name extends string>(
  prefix: string,
  icons: Readonly<Record<Name, LucideIcon>>,
) {
  const idOf = (name: Name) => `${prefix}-${name}`

  /** Render once, where every `Icon` of this sprite can reach it (the same document). */
  function Sprite() {
    return (
      <svg aria-hidden className="absolute size-0 overflow-hidden">
        {(Object.entries(icons) as [Name, LucideIcon][]).map(([name, Icon]) => (
          // The lucide svg keeps its own stroke attributes; `currentColor` resolves at each use.
          <symbol key={name} id={idOf(name)} viewBox="0 0 24 24">
            <Icon />
          </symbol>
        ))}
      </svg>
    )
  }

  /** Decorative, like the lucide icons it replaces: size and colour come from `className`. */
  function Icon({ name, className }: { name: Name; className?: string }) {
    return (
      <svg aria-hidden className={className}>
        <use href={`#${idOf(name)}`} />
      </svg>
    )
  }

  return { Sprite, Icon }
}
