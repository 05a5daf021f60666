import { describe, expect, it } from 'vitest';
import {
  assertValidEventPattern,
  InvalidEventPatternError,
  matchesPattern,
} from '../../../lib/events/match-pattern.js';

/**
 * Case by case against the examples of AWS's EventBridge user guide (the section is in each
 * describe) and aws/event-ruler's README, which documents the same engine.
 */

// "Creating Amazon EventBridge event patterns": the EC2 example event.
const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

// event-ruler README "Ruler by Example": the event its operator examples run against.
const rulerEvent = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

const withDetail = (detail: Record<string, unknown>) => ({ ...rulerEvent, detail });

describe('Creating event patterns', () => {
  it('matches EC2 instance-termination events on source, detail-type and detail.state', () => {
    const pattern = {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['terminated'] },
    };
    expect(matchesPattern(pattern, ec2Event)).toBe(true);
    expect(matchesPattern(pattern, { ...ec2Event, detail: { state: 'running' } })).toBe(false);
  });

  it('requires every field the pattern names, at the same nesting', () => {
    expect(matchesPattern({ detail: { 'instance-id': ['i-1234567890abcdef0'] } }, ec2Event)).toBe(true);
    expect(matchesPattern({ 'instance-id': ['i-1234567890abcdef0'] }, ec2Event)).toBe(false);
    expect(matchesPattern({ detail: { missing: ['x'] } }, ec2Event)).toBe(false);
  });

  it('ORs the values of one field: source aws.ec2 or aws.fargate (matching on multiple field values)', () => {
    const pattern = { source: ['aws.ec2', 'aws.fargate'] };
    expect(matchesPattern(pattern, ec2Event)).toBe(true);
    expect(matchesPattern(pattern, { ...ec2Event, source: 'aws.fargate' })).toBe(true);
    expect(matchesPattern(pattern, { ...ec2Event, source: 'aws.s3' })).toBe(false);
  });

  it('is exact to the character and case-sensitive', () => {
    expect(matchesPattern({ source: ['AWS.EC2'] }, ec2Event)).toBe(false);
    expect(matchesPattern({ source: ['aws.ec2 '] }, ec2Event)).toBe(false);
  });
});

describe('Arrays in event patterns', () => {
  it('matches when the pattern array and the event array intersect', () => {
    const pattern = {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    };
    const event = {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    };
    expect(matchesPattern(pattern, event)).toBe(true);
    expect(matchesPattern(pattern, { resources: [event.resources[0]] })).toBe(false);
    expect(matchesPattern(pattern, { resources: [] })).toBe(false);
  });

  it('crushes arrays of objects, but never matches two fields across different elements (event-ruler: JSON array matching)', () => {
    const event = {
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    };
    expect(matchesPattern({ employees: { firstName: ['Anna'] } }, event)).toBe(true);
    expect(matchesPattern({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, event)).toBe(true);
    expect(matchesPattern({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, event)).toBe(false);
  });

  it('works for multi-level arrays too', () => {
    const event = {
      employees: [
        [
          { firstName: 'John', lastName: 'Doe' },
          { firstName: 'Anna', lastName: 'Smith' },
        ],
        [{ firstName: 'Peter', lastName: 'Jones' }],
      ],
    };
    expect(matchesPattern({ employees: { firstName: ['Peter'] } }, event)).toBe(true);
    expect(matchesPattern({ employees: { firstName: ['Mia'] } }, event)).toBe(false);
  });
});

describe('Matching null values and empty strings', () => {
  const event = {
    version: '0',
    id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
    'detail-type': 'EC2 Instance Launch Successful',
    source: 'aws.autoscaling',
    account: '123456789012',
    time: '2015-11-11T21:31:47Z',
    region: 'us-east-1',
    resources: [],
    detail: { eventVersion: '', responseElements: null },
  };

  it('matches eventVersion as an empty string', () => {
    expect(matchesPattern({ detail: { eventVersion: [''] } }, event)).toBe(true);
  });

  it('matches responseElements as null', () => {
    expect(matchesPattern({ detail: { responseElements: [null] } }, event)).toBe(true);
  });

  it('never interchanges null and the empty string', () => {
    expect(matchesPattern({ detail: { eventVersion: [null] } }, event)).toBe(false);
    expect(matchesPattern({ detail: { responseElements: [''] } }, event)).toBe(false);
    expect(matchesPattern({ detail: { missing: [null] } }, event)).toBe(false);
  });
});

describe('Type-sensitive values (JSON text matching)', () => {
  it('tells the string "5" from the number 5, and "true" from true', () => {
    expect(matchesPattern({ detail: { 'c-count': [5] } }, rulerEvent)).toBe(true);
    expect(matchesPattern({ detail: { 'c-count': ['5'] } }, rulerEvent)).toBe(false);
    expect(matchesPattern({ detail: { flag: ['true'] } }, withDetail({ flag: true }))).toBe(false);
    expect(matchesPattern({ detail: { flag: [true] } }, withDetail({ flag: true }))).toBe(true);
  });

  it('compares numbers as numbers: 3.018e2 equals 301.8', () => {
    expect(matchesPattern({ detail: { 'x-limit': [3.018e2] } }, rulerEvent)).toBe(true);
  });
});

describe('Content filtering: prefix matching', () => {
  it('matches "time" starting with 2017-10-02', () => {
    const pattern = { time: [{ prefix: '2017-10-02' }] };
    expect(matchesPattern(pattern, { time: '2017-10-02T18:43:48Z' })).toBe(true);
    expect(matchesPattern(pattern, { time: '2017-10-03T18:43:48Z' })).toBe(false);
  });

  it('works on string values only', () => {
    expect(matchesPattern({ n: [{ prefix: '12' }] }, { n: 123 })).toBe(false);
  });

  it('prefix matching while ignoring case: service starting with EventB, EVENTB, eventb', () => {
    const pattern = { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } };
    for (const service of ['EventBridge', 'EVENTBRIDGE', 'eventbus'])
      expect(matchesPattern(pattern, { detail: { service } })).toBe(true);
    expect(matchesPattern(pattern, { detail: { service: 'Events' } })).toBe(false);
  });
});

describe('Content filtering: suffix matching', () => {
  it('matches FileName ending in .png', () => {
    const pattern = { FileName: [{ suffix: '.png' }] };
    expect(matchesPattern(pattern, { FileName: 'photo.png' })).toBe(true);
    expect(matchesPattern(pattern, { FileName: 'photo.PNG' })).toBe(false);
    expect(matchesPattern(pattern, { FileName: 'photo.png.txt' })).toBe(false);
  });

  it('suffix matching while ignoring case: .png and .PNG', () => {
    const pattern = { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } };
    expect(matchesPattern(pattern, { detail: { FileName: 'photo.PNG' } })).toBe(true);
    expect(matchesPattern(pattern, { detail: { FileName: 'photo.Png' } })).toBe(true);
    expect(matchesPattern(pattern, { detail: { FileName: 'photo.jpg' } })).toBe(false);
  });
});

describe('Content filtering: anything-but matching', () => {
  it('a string: state is anything but initializing', () => {
    const pattern = { detail: { state: [{ 'anything-but': 'initializing' }] } };
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ state: 'initializing' }))).toBe(false);
  });

  it('a number: x-limit is anything but 123', () => {
    const pattern = { detail: { 'x-limit': [{ 'anything-but': 123 }] } };
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ 'x-limit': 123 }))).toBe(false);
  });

  it('a list of strings: state is neither stopped nor overloaded', () => {
    const pattern = { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } };
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ state: 'stopped' }))).toBe(false);
    expect(matchesPattern(pattern, withDetail({ state: 'overloaded' }))).toBe(false);
  });

  it('a list of numbers: x-limit is none of 100, 200, 300', () => {
    const pattern = { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } };
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ 'x-limit': 200 }))).toBe(false);
  });

  it('on an array in the event: matches when some element is not excluded', () => {
    const pattern = { price: [{ 'anything-but': [100, 500] }] };
    expect(matchesPattern(pattern, { price: [100, 50] })).toBe(true);
    expect(matchesPattern(pattern, { price: [100, 500] })).toBe(false);
  });

  it('needs the field to be there', () => {
    expect(matchesPattern({ detail: { state: [{ 'anything-but': 'x' }] } }, withDetail({}))).toBe(false);
  });

  it('anything-but (begins with): Region is not in the US', () => {
    const pattern = { Region: [{ 'anything-but': { prefix: 'us-' } }] };
    expect(matchesPattern(pattern, { Region: 'ap-southeast-2' })).toBe(true);
    expect(matchesPattern(pattern, { Region: 'us-east-1' })).toBe(false);
  });

  it('anything-but prefix: state not starting with init', () => {
    const pattern = { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } };
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ state: 'initializing' }))).toBe(false);
  });

  it('anything-but (ends with): FileName does not end with .png', () => {
    const pattern = { FileName: [{ 'anything-but': { suffix: '.png' } }] };
    expect(matchesPattern(pattern, { FileName: 'notes.txt' })).toBe(true);
    expect(matchesPattern(pattern, { FileName: 'photo.png' })).toBe(false);
  });

  it('anything-but (ignore case): state is not initializing in any casing', () => {
    const pattern = { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] };
    expect(matchesPattern(pattern, { state: 'running' })).toBe(true);
    expect(matchesPattern(pattern, { state: 'INITIALIZING' })).toBe(false);
    expect(matchesPattern(pattern, { state: 'Initializing' })).toBe(false);
  });

  it('anything-but ignore case with a list', () => {
    const pattern = { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'overloaded'] } }] };
    expect(matchesPattern(pattern, { state: 'STOPPED' })).toBe(false);
    expect(matchesPattern(pattern, { state: 'Overloaded' })).toBe(false);
    expect(matchesPattern(pattern, { state: 'running' })).toBe(true);
  });

  it('anything-but using a wildcard: FilePath does not include /lib/', () => {
    const pattern = { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] };
    expect(matchesPattern(pattern, { FilePath: 'dir/src/main.ts' })).toBe(true);
    expect(matchesPattern(pattern, { FilePath: 'dir/lib/main.ts' })).toBe(false);
  });

  it('anything-but with a list of wildcards', () => {
    const pattern = { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*.tmp'] } }] };
    expect(matchesPattern(pattern, { FilePath: 'a/b.tmp' })).toBe(false);
    expect(matchesPattern(pattern, { FilePath: 'a/b.ts' })).toBe(true);
  });
});

describe('Content filtering: numeric matching', () => {
  const pattern = {
    detail: {
      'c-count': [{ numeric: ['>', 0, '<=', 5] }],
      'd-count': [{ numeric: ['<', 10] }],
      'x-limit': [{ numeric: ['=', 3.018e2] }],
    },
  };

  it('matches c-count in (0, 5], d-count < 10 and x-limit = 3.018e2', () => {
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
  });

  it('respects open and closed bounds', () => {
    const range = { n: [{ numeric: ['>', 0, '<=', 5] }] };
    expect(matchesPattern(range, { n: 0 })).toBe(false);
    expect(matchesPattern(range, { n: 0.000001 })).toBe(true);
    expect(matchesPattern(range, { n: 5 })).toBe(true);
    expect(matchesPattern(range, { n: 5.000001 })).toBe(false);
    expect(matchesPattern({ n: [{ numeric: ['>=', 10] }] }, { n: 10 })).toBe(true);
    expect(matchesPattern({ n: [{ numeric: ['<', 10] }] }, { n: 10 })).toBe(false);
  });

  it('comparison operators: price is more than 10 and at most 20', () => {
    const price = { Price: [{ numeric: ['>', 10, '<=', 20] }] };
    expect(matchesPattern(price, { Price: 20 })).toBe(true);
    expect(matchesPattern(price, { Price: 10 })).toBe(false);
  });

  it('comparison operators: price is 100 (numeric =)', () => {
    expect(matchesPattern({ Price: [{ numeric: ['=', 100] }] }, { Price: 100 })).toBe(true);
    expect(matchesPattern({ Price: [{ numeric: ['=', 100] }] }, { Price: 100.5 })).toBe(false);
  });

  it('only works with values that are JSON numbers', () => {
    expect(matchesPattern({ n: [{ numeric: ['<', 10] }] }, { n: '5' })).toBe(false);
    expect(matchesPattern({ n: [{ numeric: ['<', 10] }] }, { n: null })).toBe(false);
  });

  it('matches when any element of an array is in range', () => {
    expect(matchesPattern({ n: [{ numeric: ['>', 10] }] }, { n: [1, 2, 30] })).toBe(true);
    expect(matchesPattern({ n: [{ numeric: ['>', 10] }] }, { n: [1, 2, 3] })).toBe(false);
  });
});

describe('Content filtering: IP address matching', () => {
  it('matches source-ip within 10.0.0.0/24', () => {
    const pattern = { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } };
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ 'source-ip': '10.0.1.33' }))).toBe(false);
    expect(matchesPattern(pattern, withDetail({ 'source-ip': 'not-an-ip' }))).toBe(false);
  });

  it('works with IPv6 addresses', () => {
    const pattern = { sourceIPAddress: [{ cidr: '2001:db8:123::/48' }] };
    expect(matchesPattern(pattern, { sourceIPAddress: '2001:db8:123:4567::1' })).toBe(true);
    expect(matchesPattern(pattern, { sourceIPAddress: '2001:db8:124::1' })).toBe(false);
    expect(matchesPattern(pattern, { sourceIPAddress: '10.0.0.1' })).toBe(false);
  });
});

describe('Content filtering: exists matching', () => {
  it('exists: true matches an event with detail.c-count', () => {
    const pattern = { detail: { 'c-count': [{ exists: true }] } };
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ state: 'running' }))).toBe(false);
  });

  it('exists: false matches an event with no detail.c-count', () => {
    const pattern = { detail: { 'c-count': [{ exists: false }] } };
    expect(matchesPattern(pattern, withDetail({ state: 'running' }))).toBe(true);
    expect(matchesPattern(pattern, rulerEvent)).toBe(false);
  });

  it('works on leaf nodes only: exists false matches when c-count is an object (not a leaf)', () => {
    const pattern = { detail: { 'c-count': [{ exists: false }] } };
    const event = withDetail({ state: ['initializing', 'running'], 'c-count': { c1: 100 } });
    expect(matchesPattern(pattern, event)).toBe(true);
    expect(matchesPattern({ detail: { 'c-count': [{ exists: true }] } }, event)).toBe(false);
  });

  it('a null value exists (it is a leaf)', () => {
    expect(matchesPattern({ detail: { x: [{ exists: true }] } }, withDetail({ x: null }))).toBe(true);
  });

  it('an empty array has no leaf, so it does not exist', () => {
    expect(matchesPattern({ resources: [{ exists: false }] }, { resources: [] })).toBe(true);
    expect(matchesPattern({ resources: [{ exists: true }] }, { resources: [] })).toBe(false);
    expect(matchesPattern({ resources: [{ exists: true }] }, { resources: ['arn'] })).toBe(true);
  });

  it('exists: false also matches when the parent object is absent', () => {
    expect(matchesPattern({ detail: { 'c-count': [{ exists: false }] } }, { source: 'x' })).toBe(true);
  });

  it('comparison operators: ProductName exists / does not exist', () => {
    expect(matchesPattern({ ProductName: [{ exists: true }] }, { ProductName: 'Lens' })).toBe(true);
    expect(matchesPattern({ ProductName: [{ exists: false }] }, { ProductName: 'Lens' })).toBe(false);
  });
});

describe('Content filtering: equals-ignore-case matching', () => {
  it('matches source EC2 in any casing', () => {
    expect(matchesPattern({ source: [{ 'equals-ignore-case': 'EC2' }] }, { source: 'ec2' })).toBe(true);
    expect(matchesPattern({ source: [{ 'equals-ignore-case': 'EC2' }] }, { source: 'aws.ec2' })).toBe(false);
  });

  it('comparison operators: Name is "Alice" ignoring case', () => {
    const pattern = { Name: [{ 'equals-ignore-case': 'alice' }] };
    expect(matchesPattern(pattern, { Name: 'ALICE' })).toBe(true);
    expect(matchesPattern(pattern, { Name: 'Alicia' })).toBe(false);
  });
});

describe('Content filtering: wildcard matching', () => {
  it('matches Simple*Service', () => {
    const pattern = { source: [{ wildcard: 'Simple*Service' }] };
    expect(matchesPattern(pattern, { source: 'SimpleNotificationService' })).toBe(true);
    expect(matchesPattern(pattern, { source: 'SimpleService' })).toBe(true);
    expect(matchesPattern(pattern, { source: 'SimpleNotification' })).toBe(false);
  });

  it('comparison operators: any .png file within the folder "dir"', () => {
    const pattern = { EventBusArn: [{ wildcard: 'dir/*.png' }] };
    expect(matchesPattern(pattern, { EventBusArn: 'dir/cat.png' })).toBe(true);
    expect(matchesPattern(pattern, { EventBusArn: 'dir/sub/cat.png' })).toBe(true);
    expect(matchesPattern(pattern, { EventBusArn: 'other/cat.png' })).toBe(false);
  });

  it('wildcard blog: "*Title*" matches values with Title in the middle', () => {
    expect(matchesPattern({ t: [{ wildcard: '*Title*' }] }, { t: 'MyTitleHere' })).toBe(true);
    expect(matchesPattern({ t: [{ wildcard: '*Title*' }] }, { t: 'title' })).toBe(false);
  });

  it('escapes: \\* is a literal asterisk, \\\\ a literal backslash', () => {
    expect(matchesPattern({ v: [{ wildcard: 'a\\*b' }] }, { v: 'a*b' })).toBe(true);
    expect(matchesPattern({ v: [{ wildcard: 'a\\*b' }] }, { v: 'axxb' })).toBe(false);
    expect(matchesPattern({ v: [{ wildcard: 'a\\\\*' }] }, { v: 'a\\anything' })).toBe(true);
  });

  it('treats regular-expression characters literally', () => {
    expect(matchesPattern({ v: [{ wildcard: 'a.b*' }] }, { v: 'axb-c' })).toBe(false);
    expect(matchesPattern({ v: [{ wildcard: 'a.b*' }] }, { v: 'a.b-c' })).toBe(true);
  });
});

describe('$or (comparison operators: Or; event-ruler: the $or primitive)', () => {
  it('Location is "New York", or Day is "Monday"', () => {
    const pattern = { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] };
    expect(matchesPattern(pattern, { Location: 'New York', Day: 'Friday' })).toBe(true);
    expect(matchesPattern(pattern, { Location: 'Sydney', Day: 'Monday' })).toBe(true);
    expect(matchesPattern(pattern, { Location: 'Sydney', Day: 'Friday' })).toBe(false);
  });

  it('normal Or: source && (metricName || namespace)', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    expect(matchesPattern(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/ES' })).toBe(true);
    expect(matchesPattern(pattern, { source: 'aws.cloudwatch', metricName: 'Other' })).toBe(false);
    expect(matchesPattern(pattern, { source: 'aws.ec2', metricName: 'ReadLatency' })).toBe(false);
  });

  it('parallel Or: (metricName || namespace) && (detail.source || detail.detail-type)', () => {
    const pattern = {
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: {
        $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }],
      },
    };
    expect(
      matchesPattern(pattern, {
        metricName: 'ReadLatency',
        detail: { 'detail-type': 'CloudWatch Alarm State Change' },
      }),
    ).toBe(true);
    expect(matchesPattern(pattern, { metricName: 'ReadLatency', detail: { source: 'aws.ec2' } })).toBe(false);
  });

  it('nested Or and And', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2', 'AWS/ES'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
        { scope: ['Service'] },
      ],
    };
    const base = { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2' };
    expect(matchesPattern(pattern, { ...base, spaceId: 1000 })).toBe(true);
    expect(matchesPattern(pattern, { ...base, spaceId: 1001 })).toBe(false);
    expect(matchesPattern(pattern, { source: 'aws.cloudwatch', scope: 'Service' })).toBe(true);
  });

  it('"$or" not followed by 2+ objects is an ordinary field name', () => {
    const pattern = { source: ['aws.cloudwatch'], $or: { metricType: ['MetricType'] } };
    expect(matchesPattern(pattern, { source: 'aws.cloudwatch', $or: { metricType: 'MetricType' } })).toBe(
      true,
    );
    expect(matchesPattern(pattern, { source: 'aws.cloudwatch', metricType: 'MetricType' })).toBe(false);
  });
});

describe('The complex example (content filtering)', () => {
  it('ANDs prefix, anything-but, numeric ranges and cidr', () => {
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    };
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ ...rulerEvent.detail, 'd-count': 10 }))).toBe(false);
    expect(matchesPattern(pattern, { ...rulerEvent, time: '2017-10-03T00:00:00Z' })).toBe(false);
  });

  it('mixes exact values and operators in one field', () => {
    const pattern = { detail: { state: ['stopped', { prefix: 'run' }] } };
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ state: 'pending' }))).toBe(false);
  });
});

describe('storefleet rules', () => {
  it('low-stock alerts: Inventory.LowStock or Inventory.OutOfStock from storefleet.inventory', () => {
    const pattern = {
      source: ['storefleet.inventory'],
      'detail-type': ['Inventory.LowStock', 'Inventory.OutOfStock'],
    };
    const event = { ...ec2Event, source: 'storefleet.inventory', 'detail-type': 'Inventory.LowStock' };
    expect(matchesPattern(pattern, event)).toBe(true);
    expect(matchesPattern(pattern, { ...event, 'detail-type': 'Inventory.LevelChanged' })).toBe(false);
  });
});

describe('Invalid patterns (PutRule rejects them)', () => {
  const invalid: [string, unknown][] = [
    ['not an object', ['aws.ec2']],
    ['null', null],
    ['an empty pattern', {}],
    ['an empty nested object', { detail: {} }],
    ['a bare string value', { source: 'aws.ec2' }],
    ['a bare number value', { detail: { n: 5 } }],
    ['an empty value array', { source: [] }],
    ['a nested array', { source: [['aws.ec2']] }],
    ['an unknown operator', { source: [{ contains: 'ec2' }] }],
    ['two operators in one object', { source: [{ prefix: 'a', suffix: 'b' }] }],
    ['a non-string prefix', { source: [{ prefix: 5 }] }],
    ['a prefix with an unknown inner key', { source: [{ prefix: { 'ignore-case': 'a' } }] }],
    ['exists not boolean', { source: [{ exists: 'true' }] }],
    ['numeric without operands', { n: [{ numeric: ['>'] }] }],
    ['numeric unknown operator', { n: [{ numeric: ['!=', 5] }] }],
    ['numeric upper bound first', { n: [{ numeric: ['<', 5, '>', 0] }] }],
    ['numeric bottom above top', { n: [{ numeric: ['>', 5, '<', 1] }] }],
    ['numeric string operand', { n: [{ numeric: ['>', '5'] }] }],
    ['numeric out of range', { n: [{ numeric: ['>', 6e9] }] }],
    ['anything-but mixed list', { s: [{ 'anything-but': ['a', 1] }] }],
    ['anything-but empty list', { s: [{ 'anything-but': [] }] }],
    ['anything-but null', { s: [{ 'anything-but': null }] }],
    ['anything-but unknown object', { s: [{ 'anything-but': { numeric: ['>', 1] } }] }],
    ['cidr without prefix length', { ip: [{ cidr: '10.0.0.1' }] }],
    ['cidr not an address', { ip: [{ cidr: 'ten/8' }] }],
    ['cidr prefix too long', { ip: [{ cidr: '10.0.0.0/33' }] }],
    ['wildcard consecutive stars', { v: [{ wildcard: 'a**b' }] }],
    ['wildcard bad escape', { v: [{ wildcard: 'a\\b' }] }],
    ['equals-ignore-case not string', { v: [{ 'equals-ignore-case': 1 }] }],
  ];

  it.each(invalid)('throws a clear error for %s', (_name, pattern) => {
    expect(() => matchesPattern(pattern, rulerEvent)).toThrow(InvalidEventPatternError);
    expect(() => assertValidEventPattern(pattern)).toThrow(/Event pattern is not valid\. Reason: /);
  });

  it('names the field at fault', () => {
    expect(() => assertValidEventPattern({ detail: { n: [{ numeric: ['>', 'x'] }] } })).toThrow(
      /at detail\.n/,
    );
  });

  it('accepts every documented form', () => {
    expect(() =>
      assertValidEventPattern({
        a: ['x', 1, true, null, ''],
        b: [{ prefix: { 'equals-ignore-case': 'x' } }, { suffix: 'y' }, { wildcard: '*a\\*' }],
        c: [{ 'anything-but': { prefix: 'p' } }, { numeric: ['=', -5e9] }, { cidr: '::/0' }],
      }),
    ).not.toThrow();
  });
});
