/**
 * The lab format: `labs/<id>/lab.yaml`, validated by this schema. Every field says what it is for,
 * so a lab author can read this file as the reference.
 */
import { z } from 'zod';

const duration = z
  .string()
  .regex(/^(\d+(\.\d+)?(ms|s|m|h))+$/, 'a duration such as 30s, 5m or 1h30m');

const objectRef = z
  .string()
  .regex(/^[a-z.]+\/[a-z0-9][-a-z0-9.]*$/, 'TYPE/NAME, e.g. statefulset/quiz or pod/quiz-1');

/** A node of the lab's cluster (replaces the default four nodes when given). */
export const NodeSchema = z
  .object({
    /** Node name, e.g. `node01`. */
    name: z.string().min(1),
    /** `control-plane` gets the control-plane label and NoSchedule taint. */
    role: z.enum(['control-plane', 'worker']).default('worker'),
    /** Extra labels, e.g. `{ gpu: cuda }`. */
    labels: z.record(z.string()).optional(),
    /** Extra taints. */
    taints: z
      .array(
        z.object({
          key: z.string(),
          value: z.string().optional(),
          effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
        }),
      )
      .optional(),
    /** Capacity overrides, e.g. `{ cpu: "4", memory: 8Gi }`. */
    capacity: z.record(z.string()).optional(),
  })
  .strict();

/** What a fault acts on: a node by name, or the node that runs a pod. */
const nodeTarget = z.union([
  z.object({ node: z.string() }).strict(),
  z.object({ nodeOf: objectRef }).strict(),
]);

/** One step of the lab's setup, run in order before the learner gets the terminal. */
export const SetupStepSchema = z.union([
  /** Run a shell command line as the learner would (e.g. `kubectl apply -f quiz.yaml`). */
  z.object({ run: z.string().min(1) }).strict(),
  /** Apply a manifest file from the lab folder (it is also copied to the learner's home). */
  z.object({ apply: z.string().min(1) }).strict(),
  /** Wait (in virtual time) until an object reaches a state. */
  z
    .object({
      wait: z
        .object({
          /** The object, e.g. `statefulset/quiz`. */
          object: objectRef,
          /** `ready`: every replica Ready; `complete`: a Job finished; `bound`: a claim Bound; `deleted`. */
          for: z.enum(['ready', 'complete', 'bound', 'deleted', 'exists']),
          namespace: z.string().optional(),
          timeout: duration.default('5m'),
        })
        .strict(),
    })
    .strict(),
  /** Let virtual time pass. */
  z.object({ advance: duration }).strict(),
  /** A fault: a node goes down (and may come back), is lost for good, or a container crashes. */
  z
    .object({
      fault: z.union([
        z.object({ nodeDown: nodeTarget }).strict(),
        z.object({ nodeUp: nodeTarget }).strict(),
        z.object({ nodeLost: nodeTarget }).strict(),
      ]),
    })
    .strict(),
]);

export const HintSchema = z
  .object({
    /** Markdown; hints go from gentle to explicit. */
    text: z.string().min(1),
    /** Points the hint costs when revealed. */
    cost: z.number().int().min(0).default(0),
  })
  .strict();

export const TaskSchema = z
  .object({
    /** Identifier used by the grader (`tasks: { <id>: … }`). */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** Short title shown in the lab panel. */
    title: z.string().min(1),
    /** What to do, in markdown. */
    text: z.string().min(1),
    /** Points for the task; shared equally by its checks. */
    points: z.number().int().positive(),
    /** Hints in order of strength. */
    hints: z.array(HintSchema).default([]),
  })
  .strict();

export const LabSchema = z
  .object({
    /** Must equal the folder name. */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: z.string().min(1),
    /** The chapter the lab belongs to, by file name without extension (e.g. `03-statefulsets`). */
    chapter: z.string().min(1),
    /** One or two sentences: what the learner practises. */
    summary: z.string().min(1),
    difficulty: z.enum(['beginner', 'intermediate', 'advanced']),
    /** Estimated minutes to finish. */
    minutes: z.number().int().positive(),
    /** Optional time limit in minutes (exam mode). */
    timeLimit: z.number().int().positive().optional(),
    /** The cluster the lab starts from. */
    cluster: z
      .object({
        /** Seed of the simulated cluster; the same seed gives the same names and IPs. */
        seed: z.number().int().nonnegative().default(1),
        nodes: z.array(NodeSchema).optional(),
        /** Files from the lab folder to put in the learner's home directory. */
        files: z.array(z.string()).default([]),
        /** Steps run before the learner starts. */
        setup: z.array(SetupStepSchema).default([]),
      })
      .strict()
      .default({}),
    tasks: z.array(TaskSchema).min(1),
  })
  .strict();

export type Lab = z.infer<typeof LabSchema>;
export type LabTask = z.infer<typeof TaskSchema>;
export type SetupStep = z.infer<typeof SetupStepSchema>;
export type LabNode = z.infer<typeof NodeSchema>;
