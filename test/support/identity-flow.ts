import { expect } from 'vitest';

/**
 * What a legacy service does with the identity operations, in order, as one table: each step is
 * an operation, its input (from what earlier steps answered) and what the caller relies on in its
 * answer. Every surface runs the same steps (test/core/identity-operations.test.ts,
 * test/sdk-3.699/plugin-operations.test.ts), so they are proven to behave the same.
 */

/** Runs one operation through a surface: `send(new OpCommand(input))`, `chime.op(input)`, `op(input)`. */
export type Surface = (operation: string, input: Record<string, unknown>) => Promise<Record<string, any>>;

interface FlowState {
  AppInstanceArn: string;
  userArn: string;
  adminArn: string;
}

interface Step {
  readonly operation: string;
  readonly input: (state: FlowState) => Record<string, unknown>;
  readonly check?: (output: Record<string, any>, state: FlowState) => void;
}

export const IDENTITY_FLOW: readonly Step[] = [
  {
    operation: 'CreateAppInstance',
    input: () => ({
      Name: 'legacy service',
      Metadata: '{"tier":"gold"}',
      Tags: [{ Key: 'team', Value: 'blue' }],
    }),
    check: (output, state) => {
      expect(output.AppInstanceArn).toMatch(/^arn:aws:chime:eu-central-1:\d{12}:app-instance\//);
      state.AppInstanceArn = output.AppInstanceArn;
    },
  },
  {
    operation: 'CreateAppInstanceUser',
    input: ({ AppInstanceArn }) => ({
      AppInstanceArn,
      AppInstanceUserId: 'user-1',
      Name: 'Ada',
      Metadata: 'm1',
    }),
    check: (output, state) => {
      state.userArn = `${state.AppInstanceArn}/user/user-1`;
      expect(output.AppInstanceUserArn).toBe(state.userArn);
    },
  },
  {
    operation: 'CreateAppInstanceUser',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn, AppInstanceUserId: 'admin-1', Name: 'Grace' }),
    check: (output, state) => {
      state.adminArn = output.AppInstanceUserArn;
    },
  },
  {
    operation: 'CreateAppInstanceAdmin',
    input: ({ AppInstanceArn, adminArn }) => ({ AppInstanceArn, AppInstanceAdminArn: adminArn }),
    check: (output, { AppInstanceArn, adminArn }) => {
      expect(output).toMatchObject({ AppInstanceArn, AppInstanceAdmin: { Arn: adminArn } });
    },
  },
  {
    operation: 'DescribeAppInstanceAdmin',
    input: ({ AppInstanceArn, adminArn }) => ({ AppInstanceArn, AppInstanceAdminArn: adminArn }),
    check: (output, { AppInstanceArn, adminArn }) => {
      expect(output.AppInstanceAdmin).toMatchObject({
        Admin: { Arn: adminArn, Name: 'Grace' },
        AppInstanceArn,
      });
      expect(output.AppInstanceAdmin.CreatedTimestamp).toBeInstanceOf(Date);
    },
  },
  {
    operation: 'ListAppInstanceAdmins',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn }),
    check: (output, { adminArn }) => {
      expect(output.AppInstanceAdmins).toEqual([{ Admin: { Arn: adminArn, Name: 'Grace' } }]);
    },
  },
  {
    // Metadata left out: "not changed", as in the legacy namespace (read back, sent unchanged).
    operation: 'UpdateAppInstanceUser',
    input: ({ userArn }) => ({ AppInstanceUserArn: userArn, Name: 'Ada Lovelace' }),
    check: (output, { userArn }) => expect(output.AppInstanceUserArn).toBe(userArn),
  },
  {
    operation: 'DescribeAppInstanceUser',
    input: ({ userArn }) => ({ AppInstanceUserArn: userArn }),
    check: (output, { userArn }) => {
      expect(output.AppInstanceUser).toMatchObject({
        AppInstanceUserArn: userArn,
        Name: 'Ada Lovelace',
        Metadata: 'm1',
      });
      // Only the legacy members: the new namespace's ExpirationSettings is not added.
      expect(Object.keys(output.AppInstanceUser).sort()).toEqual(
        ['AppInstanceUserArn', 'CreatedTimestamp', 'LastUpdatedTimestamp', 'Metadata', 'Name'].sort(),
      );
    },
  },
  {
    operation: 'ListAppInstanceUsers',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn, MaxResults: 1 }),
    check: (output) => {
      expect(output.AppInstanceUsers).toHaveLength(1);
      expect(output.NextToken).toEqual(expect.any(String));
    },
  },
  {
    operation: 'UpdateAppInstance',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn, Name: 'renamed' }),
    check: (output, { AppInstanceArn }) => expect(output.AppInstanceArn).toBe(AppInstanceArn),
  },
  {
    operation: 'DescribeAppInstance',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn }),
    check: (output) =>
      expect(output.AppInstance).toMatchObject({ Name: 'renamed', Metadata: '{"tier":"gold"}' }),
  },
  {
    operation: 'ListAppInstances',
    input: () => ({}),
    check: (output, { AppInstanceArn }) => {
      expect(
        output.AppInstances.map((instance: { AppInstanceArn: string }) => instance.AppInstanceArn),
      ).toContain(AppInstanceArn);
    },
  },
  {
    operation: 'PutAppInstanceRetentionSettings',
    input: ({ AppInstanceArn }) => ({
      AppInstanceArn,
      AppInstanceRetentionSettings: { ChannelRetentionSettings: { RetentionDays: 30 } },
    }),
  },
  {
    operation: 'GetAppInstanceRetentionSettings',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn }),
    check: (output) =>
      expect(output.AppInstanceRetentionSettings).toEqual({
        ChannelRetentionSettings: { RetentionDays: 30 },
      }),
  },
  {
    operation: 'TagResource',
    input: ({ userArn }) => ({ ResourceARN: userArn, Tags: [{ Key: 'role', Value: 'author' }] }),
  },
  {
    operation: 'ListTagsForResource',
    input: ({ userArn }) => ({ ResourceARN: userArn }),
    check: (output) => expect(output.Tags).toEqual([{ Key: 'role', Value: 'author' }]),
  },
  {
    operation: 'UntagResource',
    input: ({ userArn }) => ({ ResourceARN: userArn, TagKeys: ['role'] }),
  },
  {
    operation: 'DeleteAppInstanceAdmin',
    input: ({ AppInstanceArn, adminArn }) => ({ AppInstanceArn, AppInstanceAdminArn: adminArn }),
  },
  {
    operation: 'DeleteAppInstanceUser',
    input: ({ userArn }) => ({ AppInstanceUserArn: userArn }),
  },
  {
    operation: 'DeleteAppInstance',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn }),
  },
];

/** The identity-family operations the flow calls: every one of them (the tests check that). */
export const FLOW_OPERATIONS: ReadonlySet<string> = new Set(IDENTITY_FLOW.map(({ operation }) => operation));

/**
 * Runs the flow through one surface (in an emulator that starts empty), with the app instance
 * created in eu-central-1 (the surface's `defaultRegion`), and returns each step's operation.
 */
export async function runIdentityFlow(surface: Surface): Promise<string[]> {
  const state: FlowState = { AppInstanceArn: '', userArn: '', adminArn: '' };
  const ran: string[] = [];
  for (const step of IDENTITY_FLOW) {
    const output = await surface(step.operation, step.input(state));
    expect(output.$metadata?.httpStatusCode, step.operation).toBeGreaterThanOrEqual(200);
    step.check?.(output, state);
    ran.push(step.operation);
  }
  return ran;
}
