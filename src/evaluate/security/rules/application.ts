/**
 * API Gateway, Lambda and ECS: authorization, logging, runtime hygiene, secrets and zone spread.
 */
import { DEPRECATED_LAMBDA_RUNTIME_IDS, replacementLambdaRuntime } from '../../../model/aws-facts';
import type { ResourceNode } from '../../../core/document';
import { customRule, finding, isTrue, propertyRule, shown, switchRule, type SecurityRule } from '../rule';
import { secretIn } from './compute';

const APIGW = ['aws.apigateway.api'];
const LAMBDA = ['aws.lambda.function'];
const ECS = ['aws.ecs.service'];

/** Lambda runtimes past deprecation on the catalog's fact date (src/model/aws-facts.ts). */
export const DEPRECATED_LAMBDA_RUNTIMES: readonly string[] = DEPRECATED_LAMBDA_RUNTIME_IDS;

/** The supported runtime a deprecated one is mechanically replaced with, by language. */
const replacementRuntime = replacementLambdaRuntime;

export const applicationRules: readonly SecurityRule[] = [
  switchRule({
    id: 'CA-APIGW-001',
    title: 'API Gateway access logging is off',
    description: 'Without access logs there is no record of who called which route with what result.',
    severity: 'medium',
    concern: 'security',
    types: APIGW,
    remediation: 'Set `accessLogging: true`.',
    checkov: ['CKV_AWS_76', 'CKV_AWS_95'],
    securityHub: ['APIGateway.1', 'APIGateway.9'],
    property: 'accessLogging',
    message: (resource) => `API \`${resource.name}\` does not write access logs.`,
    fixTitle: 'Turn on access logging (accessLogging: true)',
  }),
  switchRule({
    id: 'CA-APIGW-002',
    title: 'REST API is not protected by WAF',
    description: 'A public REST API without a web ACL receives injection and bot traffic unfiltered.',
    severity: 'medium',
    concern: 'security',
    types: APIGW,
    remediation: 'Set `waf: true` (WAF attaches to REST API stages; put HTTP APIs behind CloudFront with WAF).',
    checkov: ['CKV2_AWS_29'],
    securityHub: ['APIGateway.4'],
    property: 'waf',
    appliesTo: (resource) => resource.props.kind === undefined || resource.props.kind === 'rest',
    message: (resource) => `REST API \`${resource.name}\` has no WAF web ACL.`,
    fixTitle: 'Attach a WAF web ACL (waf: true)',
  }),
  propertyRule({
    id: 'CA-APIGW-003',
    title: 'API Gateway routes have no authorization',
    description: 'Routes with authorization NONE can be called by anyone on the internet.',
    severity: 'medium',
    concern: 'security',
    types: APIGW,
    remediation: 'Set `authorization` to `iam`, `cognito`, `jwt` or `lambda`.',
    checkov: ['CKV_AWS_59', 'CKV_AWS_309'],
    securityHub: ['APIGateway.8'],
    responsibility: 'customer',
    path: ['authorization'],
    assumedDefault: 'none',
    ok: (value) => value !== 'none',
    message: (resource, value) => `API \`${resource.name}\` accepts unauthenticated calls (authorization: ${shown(value)}).`,
    fix: { value: 'iam', title: 'Require IAM authorization (authorization: iam)' },
  }),
  switchRule({
    id: 'CA-APIGW-004',
    title: 'API Gateway X-Ray tracing is off',
    description: 'Without tracing, slow or failing calls cannot be followed through the services behind the API.',
    severity: 'low',
    concern: 'security',
    types: APIGW,
    remediation: 'Set `tracing: true`.',
    checkov: ['CKV_AWS_73'],
    securityHub: ['APIGateway.3'],
    property: 'tracing',
    appliesTo: (resource) => resource.props.kind === undefined || resource.props.kind === 'rest',
    message: (resource) => `API \`${resource.name}\` does not trace requests with X-Ray.`,
    fixTitle: 'Turn on X-Ray tracing (tracing: true)',
  }),
  propertyRule({
    id: 'CA-LAMBDA-001',
    title: 'Lambda function is not connected to a VPC',
    description:
      'A function outside a VPC cannot use security groups, VPC endpoints or flow logs to control and observe its network traffic.',
    severity: 'low',
    concern: 'security',
    types: LAMBDA,
    remediation:
      'Set `inVpc: true` (attach the function to private subnets) when it reaches resources in the VPC or must be network-controlled.',
    checkov: ['CKV_AWS_117'],
    securityHub: ['Lambda.3'],
    responsibility: 'customer',
    path: ['inVpc'],
    assumedDefault: false,
    // An empty `securityGroups` list attaches the function to no VPC, as an empty VpcConfig does in AWS.
    ok: (value, resource) => isTrue(value) || (Array.isArray(resource.props.securityGroups) && resource.props.securityGroups.length > 0),
    message: (resource) => `Lambda function \`${resource.name}\` runs outside any VPC.`,
    fix: { value: true, title: 'Attach to the VPC (inVpc: true)' },
  }),
  propertyRule({
    id: 'CA-LAMBDA-002',
    title: 'Lambda function uses a deprecated runtime',
    description: 'Deprecated runtimes receive no security patches and eventually cannot be updated.',
    severity: 'medium',
    concern: 'security',
    types: LAMBDA,
    remediation: 'Move to a supported runtime of the same language.',
    checkov: ['CKV_AWS_363'],
    securityHub: ['Lambda.2'],
    responsibility: 'customer',
    path: ['runtime'],
    assumedDefault: undefined,
    ok: (value) => typeof value !== 'string' || !DEPRECATED_LAMBDA_RUNTIMES.includes(value),
    message: (resource, value) => `Lambda function \`${resource.name}\` uses the deprecated runtime ${shown(value)}.`,
    fix: {
      compute: (resource) => (typeof resource.props.runtime === 'string' ? replacementRuntime(resource.props.runtime) : undefined),
      title: 'Move to a supported runtime',
    },
  }),
  propertyRule({
    id: 'CA-LAMBDA-003',
    title: 'Lambda function has no reserved concurrency',
    description:
      "Without reserved concurrency one function can consume the account's whole concurrency and throttle every other function, or flood its downstream database.",
    severity: 'low',
    concern: 'availability',
    types: LAMBDA,
    remediation: 'Set `reservedConcurrency` to the most concurrent executions the function and its dependencies should see.',
    checkov: ['CKV_AWS_115'],
    securityHub: [],
    responsibility: 'customer',
    path: ['reservedConcurrency'],
    assumedDefault: undefined,
    ok: (value) => typeof value === 'number',
    message: (resource) => `Lambda function \`${resource.name}\` has no reserved concurrency limit.`,
  }),
  propertyRule({
    id: 'CA-LAMBDA-004',
    title: 'Lambda function has no dead-letter queue',
    description: 'Asynchronous events that fail all retries are dropped silently without a dead-letter queue or failure destination.',
    severity: 'low',
    concern: 'availability',
    types: LAMBDA,
    remediation: 'Set `deadLetterQueue: true` (a queue or topic that keeps failed events).',
    checkov: ['CKV_AWS_116'],
    securityHub: [],
    responsibility: 'customer',
    path: ['deadLetterQueue'],
    assumedDefault: false,
    ok: (value) => value !== undefined && value !== null && value !== false,
    message: (resource) => `Lambda function \`${resource.name}\` has no dead-letter queue for failed events.`,
    fix: { value: true, title: 'Keep failed events in a dead-letter queue (deadLetterQueue: true)' },
  }),
  customRule(
    {
      id: 'CA-LAMBDA-005',
      title: 'Secret written in Lambda environment variables',
      description:
        "Environment variables are visible to anyone who can read the function's configuration and end up in templates and logs.",
      severity: 'high',
      concern: 'security',
      types: LAMBDA,
      remediation: "Keep secrets in AWS Secrets Manager or SSM Parameter Store and read them at run time with the function's role.",
      checkov: ['CKV_AWS_45'],
      securityHub: [],
      responsibility: 'customer',
      fixable: false,
    },
    (meta) => (resource: ResourceNode) => {
      const environment = resource.props.environment;
      if (environment === null || typeof environment !== 'object' || Array.isArray(environment)) return [];
      return Object.entries(environment as Record<string, unknown>).flatMap(([key, value]) => {
        if (typeof value !== 'string' || value.length < 4) return [];
        // A reference to a secret (an ARN, a dynamic reference, a template variable) is not the secret, whatever the variable's name.
        if (/^(arn:|\{\{resolve:|\$\{)/.test(value)) return [];
        const what =
          secretIn(`${key}=${value}`) ??
          (/(secret|password|passwd|token|api_?key|private_?key)/i.test(key) ? 'a secret-looking value' : undefined);
        return what === undefined
          ? []
          : [
              finding(meta, resource, {
                path: ['environment', key],
                message: `Environment variable \`${key}\` of \`${resource.name}\` holds ${what} in clear text.`,
              }),
            ];
      });
    },
  ),
  propertyRule({
    id: 'CA-LAMBDA-006',
    title: 'Lambda function URL allows public, unauthenticated invocation',
    description: 'A function URL with auth type NONE lets anyone on the internet invoke the function and run up its cost.',
    severity: 'critical',
    concern: 'security',
    types: LAMBDA,
    remediation: 'Set `functionUrl: iam` (or `none`) and put public traffic behind API Gateway with authorization and throttling.',
    // CKV_AWS_258 checks a function URL's AuthType; CKV_AWS_301 is about a resource policy granting invoke to everyone.
    checkov: ['CKV_AWS_258'],
    securityHub: ['Lambda.1'],
    responsibility: 'customer',
    path: ['functionUrl'],
    assumedDefault: 'none',
    ok: (value) => value !== 'public',
    message: (resource) =>
      `Lambda function \`${resource.name}\` can be invoked by anyone through its public function URL (functionUrl: public).`,
    fix: { value: 'iam', title: 'Require IAM for the function URL (functionUrl: iam)' },
  }),
  propertyRule({
    id: 'CA-ECS-001',
    title: 'ECS container runs privileged',
    description: 'A privileged container has root access to the host, so a container escape compromises the instance and its other tasks.',
    severity: 'high',
    concern: 'security',
    types: ECS,
    remediation: 'Set `privileged: false`; grant specific Linux capabilities if needed.',
    checkov: ['CKV_AWS_334'],
    securityHub: ['ECS.4'],
    responsibility: 'customer',
    path: ['privileged'],
    assumedDefault: false,
    ok: (value) => !isTrue(value),
    message: (resource) => `ECS service \`${resource.name}\` runs privileged containers.`,
    fix: { value: false, title: 'Run unprivileged (privileged: false)' },
  }),
  propertyRule({
    id: 'CA-ECS-002',
    title: 'ECS tasks are assigned public IP addresses',
    description: 'Tasks with public IPs are directly reachable from the internet; only their security groups stand in the way.',
    severity: 'high',
    concern: 'security',
    types: ECS,
    remediation: 'Set `assignPublicIp: false`, run tasks in private subnets and reach them through a load balancer.',
    checkov: ['CKV_AWS_333'],
    securityHub: ['ECS.2'],
    responsibility: 'customer',
    path: ['assignPublicIp'],
    assumedDefault: false,
    ok: (value) => !isTrue(value),
    message: (resource) => `ECS service \`${resource.name}\` assigns public IP addresses to its tasks.`,
    fix: { value: false, title: 'Remove public IPs (assignPublicIp: false)' },
  }),
  switchRule({
    id: 'CA-ECS-003',
    title: 'ECS container root file system is writable',
    description: 'A writable root file system lets an attacker who gets code execution modify binaries and persist in the container.',
    severity: 'medium',
    concern: 'security',
    types: ECS,
    remediation: 'Set `readonlyRootFilesystem: true` and mount volumes for the paths the application writes.',
    checkov: [],
    securityHub: [],
    property: 'readonlyRootFilesystem',
    message: (resource) => `ECS service \`${resource.name}\` gives its containers a writable root file system.`,
    fixTitle: 'Make the root file system read-only (readonlyRootFilesystem: true)',
  }),
];
