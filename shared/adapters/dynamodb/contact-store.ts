import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { markDispatched } from './mark-dispatched';
import type { OutboundMessage } from '../../domain/cases/outbound-message';
import type { Activity, ActivityDelivery } from '../../domain/activities/activity';
import { defaultContactProfile, type ContactProfile } from '../../domain/compliance/contact-profile';
import type { Clock } from '../../ports/clock';
import { DuplicateSendError, type ContactStore } from '../../ports/contact-store';
import type { Change } from '../../ports/ledger-store';
import type { Page, PageRequest } from '../../ports/page';
import type { WriteContext } from '../../ports/write-context';
import { ACTIVITY_PREFIX, keys, stripKeys } from './keys';
import { queryAll, queryPage } from './query-page';
import { commitTransaction, versionedPut, writeContextSteps, type TransactionStep } from './transaction';
import { counterAddStep, countersOf, shardOf } from './counter-update';
import { activityCounters, type ActivityDay } from '../../domain/activities/activity-day';
import { localDate } from '../../domain/time/calendar-date';

const ACTIVITY_DAY_LAYOUT = new Set(['pk', 'sk', 'entity', 'date']);

/**
 * Contact data lives in its own partition per debtor (`…#DEBTOR#<id>#CONTACT`), apart from the
 * money records, so the ledger's whole-partition reads never pay for a long call log. The profile
 * (`PROFILE`) sorts after the activities (`ACTIVITY#<at>#<id>`), so one query from
 * `ACTIVITY#<since>` returns the recent activities and the profile together.
 */
export class DynamoDbContactStore implements ContactStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
    /** The tenant's time zone: the calendar the activity day counters are kept on. */
    private readonly timeZoneOf: (tenantId: string) => Promise<string>,
  ) {}

  async activityDays(tenantId: string, from: string, to: string): Promise<ActivityDay[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.activityDaysPartition(tenantId),
        ':from': from,
        ':to': `${to}#~`,
      },
    });
    const byDate = new Map<string, Record<string, number>>();
    for (const item of items) {
      const counters = byDate.get(item.date as string) ?? {};
      for (const [name, value] of Object.entries(countersOf(item, ACTIVITY_DAY_LAYOUT))) {
        counters[name] = (counters[name] ?? 0) + value;
      }
      byDate.set(item.date as string, counters);
    }
    return [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, counters]) => ({ date, counters }));
  }

  async recent(tenantId: string, debtorId: string, since: Date) {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk AND sk >= :from',
      ExpressionAttributeValues: {
        ':pk': keys.contactPartition(tenantId, debtorId),
        ':from': `${ACTIVITY_PREFIX}${since.toISOString()}`,
      },
    });
    const profileItem = items.find((item) => item.entity === 'ContactProfile');
    return {
      profile: profileItem
        ? stripKeys<ContactProfile>(profileItem)
        : defaultContactProfile(tenantId, debtorId),
      activities: items.filter((item) => item.entity === 'Activity').map((item) => stripKeys<Activity>(item)),
    };
  }

  listActivities(tenantId: string, debtorId: string, page: PageRequest): Promise<Page<Activity>> {
    return queryPage<Activity>(
      this.client,
      this.tableName,
      {
        partition: { attribute: 'pk', value: keys.contactPartition(tenantId, debtorId) },
        sortCondition: 'begins_with(sk, :prefix)',
        values: { ':prefix': ACTIVITY_PREFIX },
        newestFirst: true,
      },
      page,
    );
  }

  async queuedMessages(tenantId: string, debtorId: string) {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: '#status = :queued',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': keys.message(tenantId, debtorId, '').pk, ':queued': 'queued' },
    });
    return items.map((item) => stripKeys<OutboundMessage>(item));
  }

  async queuedBefore(before: Date, limit: number): Promise<OutboundMessage[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
        ExpressionAttributeValues: { ':pk': keys.queuedMessages, ':before': before.toISOString() },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => stripKeys<OutboundMessage>(item));
  }

  async recordDelivery(
    tenantId: string,
    debtorId: string,
    activity: { id: string; at: string },
    delivery: ActivityDelivery,
  ) {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.activity(tenantId, debtorId, activity.at, activity.id),
        UpdateExpression: 'SET delivery = :delivery',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':delivery': delivery },
      }),
    );
  }

  async markDispatched(message: OutboundMessage, at: Date) {
    await markDispatched(this.client, {
      TableName: this.tableName,
      Key: keys.message(message.tenantId, message.debtorId, message.id),
      at,
    });
  }

  async save(
    change: { profile?: Change<ContactProfile>; activity?: Activity; message?: OutboundMessage },
    context: WriteContext,
  ) {
    const { profile, activity, message } = change;
    const counted: TransactionStep[] = [];
    const counters = activity ? activityCounters(activity) : {};
    if (activity && Object.keys(counters).length > 0) {
      const date = localDate(new Date(activity.at), await this.timeZoneOf(activity.tenantId));
      counted.push(
        counterAddStep(
          this.tableName,
          keys.activityDay(activity.tenantId, date, shardOf(activity.debtorId)),
          { entity: 'ActivityDay', date },
          counters,
        ),
      );
    }
    await commitTransaction(this.client, [
      ...counted,
      ...(profile
        ? [
            versionedPut(
              this.tableName,
              {
                ...keys.contactProfile(profile.after.tenantId, profile.after.debtorId),
                entity: 'ContactProfile',
                ...profile.after,
              },
              profile.before.version,
            ),
          ]
        : []),
      ...(activity
        ? [
            {
              item: {
                Put: {
                  TableName: this.tableName,
                  Item: {
                    ...keys.activity(activity.tenantId, activity.debtorId, activity.at, activity.id),
                    entity: 'Activity',
                    ...activity,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            },
          ]
        : []),
      ...(message
        ? [
            {
              item: {
                Put: {
                  TableName: this.tableName,
                  Item: {
                    ...keys.message(message.tenantId, message.debtorId, message.id),
                    gsi1pk: keys.queuedMessages,
                    gsi1sk: `${message.createdAt}#${message.tenantId}#${message.debtorId}#${message.id}`,
                    entity: 'Message',
                    ...message,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              onConditionFailed: () => new DuplicateSendError(message.id),
            },
          ]
        : []),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }
}
