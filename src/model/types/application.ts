/**
 * Application services: containers on ECS, functions on Lambda, and APIs on API Gateway.
 */
import { FACTS_AS_OF, LAMBDA_RUNTIMES, LAMBDA_RUNTIMES_FACT } from '../aws-facts';
import type { PropertyDef, ResourceTypeDef } from '../catalog-types';
import { apiGatewaySla, ecsTaskSla, lambdaSla } from '../availability-figures';
import { boolProp, enumProp, numberProp, objectShape, referenceList, stringProp } from './property-helpers';

const fargateCpuValues = [
  [256, '0.25 vCPU: 0.5 to 2 GB of memory.'],
  [512, '0.5 vCPU: 1 to 4 GB of memory.'],
  [1024, '1 vCPU: 2 to 8 GB of memory.'],
  [2048, '2 vCPUs: 4 to 16 GB of memory.'],
  [4096, '4 vCPUs: 8 to 30 GB of memory.'],
  [8192, '8 vCPUs: 16 to 60 GB of memory (Linux only).'],
  [16384, '16 vCPUs: 32 to 120 GB of memory (Linux only).'],
] as const;

const ecsService: ResourceTypeDef = {
  id: 'aws.ecs.service',
  service: 'Amazon ECS',
  title: 'ECS service',
  category: 'containers',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  units: { rule: 'property', property: 'desiredCount', default: 1 },
  availability: ecsTaskSla,
  mttrMinutes: 3,
  capacityPerUnitRps: 150,
  dataStore: false,
  docs: {
    what: 'A long-running set of identical container tasks on Amazon ECS: the scheduler keeps `desiredCount` tasks running, spreads them over zones, replaces failed ones and registers them with a load balancer. Tasks run on Fargate (serverless) or on EC2 instances of the cluster.',
    whenToUse:
      'Use for containerized web services, APIs and workers. Fargate removes servers from your responsibility; the EC2 launch type gives control of the instances and cheaper capacity at scale. For short event-driven code, Lambda; for batch jobs, AWS Batch.',
    limits: [
      'A task lives in one zone; run at least two tasks in two zones for availability.',
      'Fargate task sizes are fixed combinations of CPU and memory (0.25 to 16 vCPUs).',
      'Task-level commitment is 99.5% (secondary source); the Region-level commitment for ECS and Fargate is 99.99%.',
      'Images come from a registry such as Amazon ECR; pulling them needs a route to it (NAT gateway or VPC endpoints).',
    ],
    customerResponsibility: [
      'Build, scan and patch the container images; with the EC2 launch type, also the instances.',
      'Run containers unprivileged, as non-root, with a read-only root file system where possible.',
      'Least-privilege task roles, secrets from Secrets Manager, no public IPs on tasks.',
    ],
    securityControls: [
      'Task IAM roles and execution roles.',
      'The awsvpc network mode: each task has its own network interface and security groups.',
      'ECR image scanning; secrets injected from Secrets Manager and Parameter Store.',
      'Container settings: privileged mode off, read-only root file system, non-root user.',
    ],
    pricing:
      "ECS itself is free. Fargate bills vCPU and GB of memory per second while tasks run (Fargate Spot at a discount); the EC2 launch type bills the cluster's instances.",
  },
  properties: {
    launchType: enumProp(
      'Where the tasks run. Fargate removes instances from your responsibility; the EC2 launch type runs tasks on cluster instances you manage and pay for.',
      [
        ['fargate', 'Serverless capacity: AWS runs each task in its own isolated environment; no instances to manage.'],
        ['ec2', 'Instances of the cluster that you manage (or an auto scaling group as a capacity provider).'],
      ],
      { default: 'fargate' },
    ),
    desiredCount: numberProp(
      'How many tasks the service keeps running, spread round-robin over `zones`; the availability and cost estimates use it.',
      { minimum: 0, integer: true, default: 1 },
    ),
    cpu: enumProp(
      "The task's CPU in ECS units (1024 = one vCPU). On Fargate it must be one of the listed sizes and fixes the range of memory allowed.",
      fargateCpuValues,
      { default: 256 },
    ),
    memory: numberProp("The task's memory in MB (MiB). On Fargate it must fall within the range allowed for the chosen CPU.", {
      minimum: 512,
      maximum: 122880,
      integer: true,
      unit: 'MB',
      default: 512,
    }),
    image: stringProp('The container image the task runs, usually from Amazon ECR.', {
      examples: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2', 'nginx:1.27'],
    }),
    containerPort: {
      shape: { kind: 'port' },
      description: 'The port the container listens on, used by the load balancer and the exposure analysis.',
      example: 8080,
    },
    assignPublicIp: boolProp(
      'Whether each task gets a public IP address. In a public subnet with an open security group this exposes the container to the internet; put tasks in private subnets behind a load balancer.',
      false,
    ),
    privileged: boolProp(
      "Runs the container in privileged mode, with root access to the host's devices. Not available on Fargate and almost never needed.",
      false,
    ),
    readonlyRootFilesystem: boolProp(
      "Mounts the container's root file system read-only, so an attacker cannot modify binaries; write to volumes instead.",
      false,
    ),
    runAsNonRoot: boolProp('Whether the container runs as a non-root user.', false),
    fileSystems: referenceList(['aws.efs.filesystem'], 'EFS file systems the tasks mount. Each is a hard dependency.', 'hard'),
    scaling: {
      shape: objectShape(
        {
          min: numberProp('The fewest tasks scaling may leave running.', { minimum: 0, integer: true, default: 1 }),
          max: numberProp('The most tasks scaling may start.', { minimum: 1, integer: true, required: true }),
          metric: enumProp(
            "The metric that target tracking keeps at `target`, averaged over the service's tasks.",
            [
              ['cpu', "Average CPU utilization of the service's tasks."],
              ['memory', 'Average memory utilization of the tasks.'],
              ['requests', 'Load balancer requests per task.'],
            ],
            { default: 'cpu' },
          ),
          target: numberProp('The value to keep the metric at.', { minimum: 1, required: true }),
        },
        ['max', 'target'],
      ),
      description: 'Service auto scaling with target tracking.',
    },
    circuitBreaker: boolProp(
      'The deployment circuit breaker: a deployment whose tasks keep failing is stopped and rolled back automatically.',
      false,
    ),
    executeCommand: boolProp(
      'ECS Exec: interactive shells into running containers through Systems Manager. Useful for debugging; audit its use.',
      false,
    ),
    logging: boolProp('Whether container output is sent to CloudWatch Logs (the awslogs driver).', false),
    purchase: enumProp(
      'For the Fargate launch type: regular or Spot capacity. Fargate Spot is much cheaper but tasks can be stopped with a two-minute notice.',
      [
        ['on-demand', 'Regular Fargate capacity.'],
        ['spot', 'Fargate Spot: spare capacity at a discount, interrupted with a two-minute notice.'],
      ],
      { default: 'on-demand' },
    ),
  },
  snippet: [
    'type: aws.ecs.service',
    'launchType: ${1|fargate,ec2|}',
    'desiredCount: ${2:2}',
    'cpu: ${3|256,512,1024,2048,4096|}',
    'memory: ${4:1024}',
    'image: ${5:nginx:1.27}',
    'containerPort: ${6:8080}',
    'zones: [${7:a, b}]',
    'readonlyRootFilesystem: true',
    'logging: true',
  ].join('\n'),
};

/**
 * The runtime values offered: the dated runtime table of aws-facts.ts (each described with its
 * deprecation state on the catalog's fact date), a few deprecated ids still seen in old designs, and
 * container images.
 */
const lambdaRuntimeValues: readonly (readonly [string, string])[] = [
  ...LAMBDA_RUNTIMES.map((runtime): readonly [string, string] => {
    const deprecated = runtime.deprecation !== undefined && runtime.deprecation <= FACTS_AS_OF;
    const state = deprecated
      ? `: deprecated since ${runtime.deprecation} (no more security patches; creating and updating functions is blocked afterwards). Flagged by the security evaluation.`
      : runtime.deprecation !== undefined
        ? ` (supported until ${runtime.deprecation}).`
        : '.';
    return [runtime.id, `${runtime.name}${state}${runtime.note ? ` ${runtime.note}` : ''}`];
  }),
  ['nodejs16.x', 'Node.js 16: deprecated; functions can no longer be created or updated on it. Flagged by the security evaluation.'],
  ['python3.8', 'Python 3.8: deprecated. Flagged by the security evaluation.'],
  ['dotnet6', '.NET 6: deprecated. Flagged by the security evaluation.'],
  ['go1.x', 'The Go 1.x managed runtime: deprecated in favour of provided.al2023. Flagged by the security evaluation.'],
  ['container-image', 'The function is packaged as a container image of up to 10 GB; the runtime is whatever the image contains.'],
];

/** Runtimes AWS has deprecated; exported so the security rules and the catalog agree. */
export const deprecatedLambdaRuntimes: readonly string[] = ['nodejs16.x', 'python3.8', 'dotnet6', 'go1.x'];

const lambdaFunction: ResourceTypeDef = {
  id: 'aws.lambda.function',
  service: 'AWS Lambda',
  title: 'Lambda function',
  category: 'serverless',
  serviceModel: 'PaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: lambdaSla,
  mttrMinutes: 1,
  dataStore: false,
  docs: {
    what: 'Code that runs in response to events (API requests, queue messages, S3 uploads, schedules) without servers to manage. Lambda starts as many concurrent copies as needed across the zones of the region and bills only the time they run.',
    whenToUse:
      'Use for APIs with variable traffic, event processing, glue between services and scheduled jobs. Not for work longer than 15 minutes, long-lived connections or steady high load, where containers or instances are cheaper.',
    limits: [
      'At most 15 minutes per invocation and 10,240 MB of memory (CPU grows with memory).',
      "Concurrency is limited per account and region (1,000 by default); reserved concurrency guarantees and caps a function's share.",
      'The first request to a new execution environment pays a cold start.',
      'A function in a VPC reaches the internet only through a NAT gateway.',
    ],
    customerResponsibility: [
      'The function code, its dependencies and a supported runtime.',
      'A least-privilege execution role and resource policy; no public invocation.',
      'Secrets from Secrets Manager rather than environment variables; failure handling with a dead-letter queue or destination.',
    ],
    securityControls: [
      'Execution roles and resource-based policies.',
      'VPC attachment with security groups for private resources.',
      'Environment variables encrypted with KMS; code signing.',
      'Reserved concurrency, dead-letter queues and X-Ray tracing.',
    ],
    pricing:
      'Billed per million requests plus per GB-second of duration (memory times run time), with arm64 cheaper than x86_64; provisioned concurrency is billed while configured.',
  },
  properties: {
    memoryMB: numberProp(
      'The memory given to each execution environment, in MB; CPU is allocated in proportion. It sets the price per millisecond.',
      { minimum: 128, maximum: 10240, integer: true, unit: 'MB', default: 128 },
    ),
    avgDurationMs: numberProp(
      'The average run time of one invocation in milliseconds, for the cost estimate (GB-seconds) and the concurrency the workload needs.',
      { minimum: 1, maximum: 900000, unit: 'ms', default: 100 },
    ),
    runtime: enumProp(
      `The language runtime. Deprecated runtimes stop receiving security patches and are flagged. Dates from the Lambda runtimes page, checked ${LAMBDA_RUNTIMES_FACT.checked}.`,
      lambdaRuntimeValues,
      { default: 'nodejs22.x' },
    ),
    architecture: enumProp(
      'The processor architecture the function runs on. arm64 (Graviton) costs less per GB-second; x86_64 is needed by some native dependencies.',
      [
        ['x86_64', 'Intel and AMD processors: the default, compatible with every native dependency.'],
        ['arm64', 'AWS Graviton processors: about 20% cheaper per GB-second and often faster.'],
      ],
      { default: 'x86_64' },
    ),
    timeoutSeconds: numberProp('How long an invocation may run before Lambda stops it.', {
      minimum: 1,
      maximum: 900,
      integer: true,
      unit: 's',
      default: 3,
    }),
    inVpc: boolProp(
      'Whether the function is attached to private subnets of a VPC, so it can reach private resources and its traffic is governed by security groups. It then needs a NAT gateway or VPC endpoints for the internet and AWS services.',
      false,
    ),
    securityGroups: referenceList(
      ['aws.ec2.security-group'],
      "The security groups of the function's network interfaces when `inVpc` is true.",
      'none',
    ),
    reservedConcurrency: numberProp(
      "Concurrency reserved for this function: it is guaranteed that many concurrent executions and never gets more, which protects both the function and what it calls. Absent means it shares the account's unreserved pool.",
      { minimum: 0, integer: true },
    ),
    provisionedConcurrency: numberProp('Execution environments kept initialized to avoid cold starts, billed while configured.', {
      minimum: 0,
      integer: true,
      default: 0,
    }),
    deadLetterQueue: boolProp(
      'Whether failed asynchronous invocations are sent to a dead-letter queue (or an on-failure destination) instead of being dropped after the retries.',
      false,
    ),
    tracing: boolProp('AWS X-Ray active tracing of invocations.', false),
    functionUrl: enumProp(
      'A built-in HTTPS endpoint for the function, without API Gateway. Its authentication type decides whether anyone on the internet can invoke the function.',
      [
        ['none', 'No function URL; the function is invoked by other services or the API.'],
        ['iam', 'A function URL that requires IAM-signed requests.'],
        ['public', 'A function URL with no authentication: anyone on the internet can invoke it. Flagged by the security evaluation.'],
      ],
      { default: 'none' },
    ),
    environment: {
      shape: { kind: 'map', values: { kind: 'string' } },
      description:
        'Environment variables passed to the function. They are visible to anyone who can read the configuration, so never put secrets here; the security evaluation flags secret-looking names and values.',
    },
    requestsPerMonth: numberProp(
      "Invocations per month, for the cost estimate, overriding the figure derived from the file's workload and the function's callers.",
      { minimum: 0, unit: 'requests' },
    ),
  },
  snippet: [
    'type: aws.lambda.function',
    'runtime: ${1|nodejs22.x,python3.13,java21,dotnet8,provided.al2023|}',
    'architecture: ${2|arm64,x86_64|}',
    'memoryMB: ${3:512}',
    'avgDurationMs: ${4:120}',
    'timeoutSeconds: ${5:10}',
    'reservedConcurrency: ${6:100}',
    'deadLetterQueue: true',
  ].join('\n'),
};

const apiIntegrationTargets = [
  'aws.lambda.function',
  'aws.elb.*',
  'aws.ecs.service',
  'aws.ec2.instance',
  'aws.autoscaling.group',
  'aws.elasticbeanstalk.environment',
  'aws.dynamodb.table',
  'aws.s3.bucket',
  'external.onprem-server',
];

const throttlingProperty: PropertyDef = {
  shape: objectShape({
    rateLimit: numberProp('The steady-state requests per second allowed.', { minimum: 0, unit: 'requests/s', default: 10000 }),
    burstLimit: numberProp('The largest burst of concurrent requests allowed.', {
      minimum: 0,
      integer: true,
      unit: 'requests',
      default: 5000,
    }),
  }),
  description:
    'Request throttling for the stage: requests beyond it get 429 responses, protecting the backends. The account-level default in a region is 10,000 requests per second with bursts of 5,000.',
};

const apiGateway: ResourceTypeDef = {
  id: 'aws.apigateway.api',
  service: 'Amazon API Gateway',
  title: 'API Gateway API',
  category: 'integration',
  serviceModel: 'PaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: apiGatewaySla,
  mttrMinutes: 1,
  capacityPerUnitRps: 10000,
  dataStore: false,
  docs: {
    what: 'A managed front door for APIs: it accepts HTTPS and WebSocket requests, authenticates and throttles them, and forwards them to Lambda functions, HTTP backends or AWS services, scaling without servers.',
    whenToUse:
      'Use in front of serverless and microservice backends when you need authentication, throttling, usage plans or request validation. HTTP APIs are cheaper and faster for simple proxying; REST APIs add API keys, caching, WAF and request transformation; WebSocket APIs keep two-way connections.',
    limits: [
      'Integration timeout of 29 seconds for REST APIs (30 seconds for HTTP APIs) by default.',
      'Payloads up to 10 MB.',
      'Account-level throttling of 10,000 requests per second (burst 5,000) per region by default.',
      'AWS WAF attaches to REST API stages only.',
    ],
    customerResponsibility: [
      'Authorize every route (IAM, Cognito, Lambda or JWT authorizers) unless it is deliberately public.',
      'Enable access logging and tracing, set throttling, and attach WAF to public REST APIs.',
      'Secure the backends so they are reachable only through the API.',
    ],
    securityControls: [
      'IAM, Cognito, Lambda and JWT authorizers; API keys and usage plans.',
      'Throttling and request validation; AWS WAF for REST APIs.',
      'TLS endpoints with custom domains, mutual TLS and resource policies; private APIs through VPC endpoints.',
      'Access logs to CloudWatch and X-Ray tracing.',
    ],
    pricing:
      'Billed per million requests (HTTP APIs cost much less than REST APIs), for WebSocket APIs per million messages plus connection minutes, plus data transfer out and optional REST API caching per hour.',
  },
  properties: {
    kind: enumProp(
      'The API type, which decides the features, the latency and the price per request. HTTP APIs suit simple proxying to Lambda or HTTP backends; REST APIs add management features; WebSocket APIs keep connections open.',
      [
        [
          'rest',
          'REST API: the full feature set (API keys, usage plans, caching, request transformation, WAF, edge-optimized or private endpoints).',
        ],
        ['http', 'HTTP API: lower latency and much cheaper, with JWT and Lambda authorizers; fewer features.'],
        ['websocket', 'WebSocket API: long-lived two-way connections for chat, dashboards and notifications; routes messages to backends.'],
      ],
      { default: 'rest' },
    ),
    integrations: referenceList(
      apiIntegrationTargets,
      'The backends the API forwards requests to. Each is a hard dependency: a route fails when its backend does.',
      'hard',
    ),
    authorization: enumProp(
      "How callers are authenticated and authorized on the API's routes. Without authorization anyone who finds the URL can call the backends.",
      [
        ['none', 'No authorization: anyone who knows the URL can call it. Flagged unless the API is deliberately public.'],
        ['iam', 'Callers sign requests with AWS credentials (SigV4) and IAM policies decide.'],
        ['cognito', 'A Cognito user pool token is required (REST APIs).'],
        ['lambda', 'A Lambda authorizer decides from a token or request parameters.'],
        ['jwt', 'A JWT from any OpenID Connect or OAuth 2.0 provider is validated (HTTP APIs).'],
      ],
      { default: 'none' },
    ),
    endpointType: enumProp("Where the API's endpoint lives (REST APIs; HTTP and WebSocket APIs are regional).", [
      [
        'edge',
        'Edge-optimized: requests enter through CloudFront edge locations. The default for REST APIs created through CloudFormation.',
      ],
      ['regional', 'Regional: clients connect to the region directly; put your own CloudFront in front if needed.'],
      ['private', 'Private: reachable only from VPCs through an interface endpoint.'],
    ]),
    throttling: throttlingProperty,
    waf: boolProp('Whether an AWS WAF web ACL filters requests to the stage (REST APIs only).', false),
    accessLogging: boolProp('Stage access logging to CloudWatch Logs: who called what, when, and with which result.', false),
    tracing: boolProp('AWS X-Ray tracing of requests through the API (REST APIs).', false),
    apiKeyRequired: boolProp(
      'Whether callers must present an API key (REST APIs), for usage plans and quotas; not an authentication mechanism on its own.',
      false,
    ),
    cache: boolProp('A REST API stage cache that answers repeated requests without calling the backend, billed per hour by size.', false),
    requestsPerMonth: numberProp(
      "Requests (or WebSocket messages) per month, for the cost estimate, overriding the figure derived from the file's workload.",
      { minimum: 0, unit: 'requests' },
    ),
  },
  snippet: [
    'type: aws.apigateway.api',
    'kind: ${1|http,rest,websocket|}',
    'integrations: [${2:handler}]',
    'authorization: ${3|jwt,iam,cognito,lambda,none|}',
    'accessLogging: true',
    'throttling: { rateLimit: ${4:1000}, burstLimit: ${5:500} }',
  ].join('\n'),
};

export const applicationTypes: readonly ResourceTypeDef[] = [ecsService, lambdaFunction, apiGateway];
