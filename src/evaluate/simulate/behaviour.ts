/**
 * How AWS services behave when something fails, as the simulator models them. Each figure says
 * where it comes from; where AWS publishes nothing, the figure is labelled as an assumption. The
 * unit availabilities and repair times themselves are the catalog's (`src/model`).
 */

/** A figure with its basis. */
export interface BehaviourFigure {
  readonly value: number;
  readonly source: string;
}

function figure(value: number, source: string): BehaviourFigure {
  return { value, source };
}

/**
 * Types with one writer (primary) and standbys or readers: when the writer's unit becomes unusable
 * while another is usable, the resource is down for a failover window drawn uniformly in
 * [min, max] seconds, then the other unit is the writer. The analytic model counts such a resource
 * up whenever one unit is usable, so these windows are the one place the simulation is expected to
 * be (slightly) less available than the analytic figure.
 */
export const failoverSeconds: Readonly<Record<string, { readonly min: number; readonly max: number; readonly source: string }>> = {
  'aws.rds.instance': {
    min: 60,
    max: 120,
    source:
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.Failover.html ("Failover times are typically 60-120 seconds", read 2026-12-03)',
  },
  'aws.rds.aurora': {
    min: 15,
    max: 35,
    source:
      'assumption, after https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_FailoverDBCluster.html (a cluster promotes a reader; "typically less than 35 seconds" for Multi-AZ DB clusters, read 2026-12-03)',
  },
  'aws.docdb.cluster': { min: 15, max: 35, source: 'assumption: promotes a replica like Aurora' },
  'aws.neptune.cluster': { min: 15, max: 35, source: 'assumption: promotes a replica like Aurora' },
  'aws.redshift.cluster': { min: 60, max: 120, source: 'assumption: Multi-AZ relocation, like an RDS Multi-AZ failover' },
  'aws.dms.task': { min: 60, max: 120, source: 'assumption: Multi-AZ replication instance, like an RDS Multi-AZ failover' },
};

/** Types that replace a failed unit themselves (health check, launch, warm-up: the catalog's repair time), in a surviving zone when its zone is down. */
export const selfHealingTypes: ReadonlySet<string> = new Set([
  'aws.autoscaling.group',
  'aws.ecs.service',
  'aws.elasticbeanstalk.environment',
]);

/** Types billed per running unit: their cost follows scaling, replacements and spot overlaps. */
export const unitBilledTypes: ReadonlySet<string> = new Set([
  'aws.autoscaling.group',
  'aws.ecs.service',
  'aws.ec2.instance',
  'aws.elasticbeanstalk.environment',
]);

/** How long a load balancer keeps sending to a failed target: health-check interval × unhealthy threshold. */
export const healthCheckDetection = figure(
  60,
  'Elastic Load Balancing target group defaults: HealthCheckIntervalSeconds 30 × UnhealthyThresholdCount 2 (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html, read 2026-12-03)',
);

/** The notice before a spot instance (or Fargate Spot task) is reclaimed. */
export const spotNotice = figure(
  120,
  'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-instance-termination-notices.html (two-minute warning)',
);

/** Random spot interruptions of one unit, per second. */
export const spotInterruptionsPerSecond = figure(
  0.05 / (30 * 86_400),
  'assumption: 5% of units interrupted a month, the lowest band ("<5%") of the Spot Instance Advisor (https://aws.amazon.com/ec2/spot/instance-advisor/)',
);

/** Mean length of a random zone outage (the rate follows from `assumptions.zoneAvailability`). */
export const zoneOutageMeanSeconds = figure(2 * 3_600, 'assumption: AWS publishes no mean; large zone events have lasted hours');

/** Mean length of a random region outage (the rate follows from `assumptions.regionAvailability`). */
export const regionOutageMeanSeconds = figure(4 * 3_600, 'assumption: AWS publishes no mean; region-wide events have lasted hours');

/** Scaling: consecutive evaluation periods above / below target before target tracking acts. */
const targetTrackingAlarms = 'assumption, after the alarms target tracking creates (high: 3 one-minute data points, low: 15)';
export const scaleOutPeriods = figure(3, targetTrackingAlarms);
export const scaleInPeriods = figure(15, targetTrackingAlarms);

/** Defaults of an ECS service's scaling (its schema has no warm-up or cooldown). */
export const ecsScalingWarmupSeconds = figure(60, 'assumption: a Fargate task starts and passes its health check in about a minute');
export const defaultCooldownSeconds = figure(300, 'the auto scaling group default cooldown (cooldownSeconds: 300)');
