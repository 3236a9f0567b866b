import { hostileImages } from './xss-corpus'

/**
 * Readmes from issue 12's attack (item 4), served by the fixture sandbox next to the XSS corpus:
 * 251 KB of 500 nested list levels, a 2,000-row table, a 5,000-deep quote, and a normal one.
 */

export const README_BOMBS = [
  {
    id: 'readme-nested-lists',
    name: 'Readme bomb: 500 nested lists',
    readme: Array.from({ length: 500 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n'),
  },
  {
    id: 'readme-big-table',
    name: 'Readme bomb: 2,000-row table',
    readme: [
      '| # | GPU | VRAM | Notes |',
      '|---|---|---:|---|',
      ...Array.from({ length: 2000 }, (_, i) => `| ${i} | RTX 4090 | 24 GB | row ${i} |`),
    ].join('\n'),
  },
  {
    id: 'readme-deep-quote',
    name: 'Readme bomb: 5,000-deep quote',
    readme: `${'>'.repeat(5000)} bottom of the quote`,
  },
  {
    id: 'readme-normal',
    name: 'Readme: an ordinary one',
    readme:
      '# Ordinary readme\n\nStart with `pip install vllm`.\n\n| GPU | VRAM |\n|---|---|\n| A100 | 80 GB |\n',
  },
] as const

export function readmeBombImages(): Record<string, unknown>[] {
  return README_BOMBS.map((bomb, i) => ({
    CompShareImageId: bomb.id,
    Name: bomb.name,
    Description: 'A readme that once froze the tab',
    Author: 'tester',
    ImageOwnerAlias: 'tester',
    Owner: { AccountId: 200_000, AccountName: 'tester' },
    ImageType: 'Custom',
    SourceGpuType: 'RTX 4090',
    Status: 'Available',
    FailedReason: '',
    Visibility: 0,
    IsOfficial: false,
    Container: 'False',
    AutoStart: false,
    ImageCharge: false,
    Size: 10_240,
    Price: 0,
    AuthInfo: 0,
    CreatedCount: 0,
    FavoritesCount: 0,
    ImageUseTime: 3600,
    CreateTime: 1_760_000_000 - i,
    PubTime: 1_760_000_000 - i,
    GroupId: `grp-readme-${i}`,
    VersionName: 'v1',
    VersionDesc: '',
    Tags: ['readme'],
    Softwares: {
      Framework: 'PyTorch',
      FrameworkVersion: '2.4',
      CUDAVersion: '12.4',
      Applications: [],
    },
    Cover: '',
    Readme: bomb.readme,
  }))
}

/**
 * Everything the fixture app's sandbox (FIXTURE_APP_PORT) serves: the XSS corpus and these. Both
 * specs that use it set this same fixture, so they can run in parallel.
 */
export function fixtureServerImages(): Record<string, unknown>[] {
  return [...hostileImages(), ...readmeBombImages()]
}
