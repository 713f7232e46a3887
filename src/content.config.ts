/**
 * Content collections. Starlight's `docs` collection reads the course from `content/` (not
 * `src/content/docs`): `content/index.mdx` is the landing page, `content/sandbox.mdx` the free
 * terminal, and `content/chapters/NN-topic.mdx` the chapters, which the sidebar lists in order.
 */
import { existsSync } from 'node:fs';
import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';

/** Frontmatter a chapter may carry on top of Starlight's own (`title`, `description`, …). */
export const chapterFields = z.object({
  /** Position of the chapter in the course; chapters are listed by ascending order. */
  order: z.number().int().nonnegative().optional(),
  /** One or two sentences on what the learner will be able to do after the chapter. */
  summary: z.string().min(1).optional(),
  /** Ids of the labs (folders under `labs/`) this chapter asks the learner to do, in order. */
  labs: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/, 'a lab id is a lowercase folder name under labs/')
        .refine((id) => existsSync(`labs/${id}/lab.yaml`), 'no such lab: labs/<id>/lab.yaml does not exist'),
    )
    .default([]),
});

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({ extend: chapterFields }),
  }),
};
