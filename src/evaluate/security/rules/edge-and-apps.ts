/**
 * Load balancers, CloudFront, API Gateway, Lambda, ECS and Elastic Beanstalk: encryption in transit,
 * logging, WAF, authorization, runtime hygiene and zone spread.
 */
import { DEPRECATED_LAMBDA_RUNTIME_IDS, replacementLambdaRuntime } from '../../../model/aws-facts';
import type { ResourceNode } from '../../../core/document';
import type { SecurityFinding } from '../../types';
import { buildSetPropertyFix } from '../fixes';
import { effective, finding, isTrue, propertyRule, shown, type RuleMeta, type SecurityRule } from '../rule';
import { secretIn, twoZones, zonesOf } from './compute';

const ALB = 'aws.elb.application';
const NLB = 'aws.elb.network';
const GWLB = 'aws.elb.gateway';
const CLOUDFRONT = ['aws.cloudfront.distribution'];
const APIGW = ['aws.apigateway.api'];
const LAMBDA = ['aws.lambda.function'];
const ECS = ['aws.ecs.service'];
const BEANSTALK = ['aws.elasticbeanstalk.environment'];

/** Lambda runtimes past deprecation on the catalog's fact date (src/model/aws-facts.ts). */
export const DEPRECATED_LAMBDA_RUNTIMES: readonly string[] = DEPRECATED_LAMBDA_RUNTIME_IDS;

/** The supported runtime a deprecated one is mechanically replaced with, by language. */
const replacementRuntime = replacementLambdaRuntime;

const httpListener: SecurityRule = (() => {
  const meta: RuleMeta = {
    id: 'CA-ELB-001',
    title: 'Load balancer HTTP listener does not redirect to HTTPS',
    description: 'An HTTP listener that forwards requests sends credentials, cookies and data in clear text.',
    severity: 'medium',
    concern: 'security',
    types: [ALB],
    remediation: 'Serve HTTPS on 443 and make the HTTP listener redirect (`redirectToHttps: true`).',
    checkov: ['CKV_AWS_2', 'CKV2_AWS_20'],
    securityHub: ['ELB.1'],
    responsibility: 'customer',
    fixable: true,
  };
  return {
    ...meta,
    check(resource, context) {
      const listeners = resource.props.listeners;
      if (!Array.isArray(listeners)) return [];
      const findings: SecurityFinding[] = [];
      listeners.forEach((listener, index) => {
        if (listener === null || typeof listener !== 'object') return;
        const { protocol, port, redirectToHttps } = listener as Record<string, unknown>;
        if (String(protocol).toUpperCase() !== 'HTTP' || redirectToHttps === true) return;
        const path = ['listeners', index, 'redirectToHttps'];
        const fix = buildSetPropertyFix(context.doc, resource, path, true, 'Redirect HTTP to HTTPS (redirectToHttps: true)');
        findings.push(finding(meta, resource, { path, message: `Load balancer \`${resource.name}\` serves plain HTTP on port ${shown(port)} without redirecting to HTTPS.`, ...(fix ? { fix } : {}) }));
      });
      return findings;
    },
  };
})();

/** TLS policies that still accept TLS 1.0 or 1.1. */
function isOutdatedTlsPolicy(policy: string): boolean {
  if (/TLS13|TLS-1-2|TLS-1-3|FS-1-2|TLS-1-2-Ext/i.test(policy)) return false;
  return /2016-08|2015-05|2015-03|2015-02|2014-|2011-|TLS-1-0|TLS-1-1|FS-2018-06|FS-1-1/i.test(policy);
}

/**
 * The policy an encrypted listener gets when it names none: the catalog's default for
 * `listeners[].sslPolicy`, which is the API's (ELBSecurityPolicy-2016-08, accepting TLS 1.0).
 */
function defaultTlsPolicy(resource: ResourceNode): string | undefined {
  const listeners = resource.typeDef?.properties.listeners?.shape;
  const item = listeners?.kind === 'list' ? listeners.items : undefined;
  const policy = item?.kind === 'object' ? item.properties.sslPolicy?.default : undefined;
  return typeof policy === 'string' ? policy : undefined;
}

const ENCRYPTED_LISTENER_PROTOCOLS = ['HTTPS', 'TLS'];

const tlsPolicy: SecurityRule = (() => {
  const meta: RuleMeta = {
    id: 'CA-ELB-002',
    title: 'Load balancer TLS policy allows TLS older than 1.2',
    description: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated by browsers and compliance standards.',
    severity: 'medium',
    concern: 'security',
    types: [ALB, NLB],
    remediation: 'Use a policy such as `ELBSecurityPolicy-TLS13-1-2-2021-06` on every TLS listener.',
    checkov: ['CKV_AWS_103'],
    securityHub: ['ELB.8'],
    responsibility: 'customer',
    fixable: true,
  };
  return {
    ...meta,
    check(resource, context) {
      const listeners = resource.props.listeners;
      if (!Array.isArray(listeners)) return [];
      return listeners.flatMap((listener, index) => {
        if (listener === null || typeof listener !== 'object') return [];
        const { sslPolicy: written, protocol } = listener as Record<string, unknown>;
        // An encrypted listener that names no policy gets the default one, which is the outdated policy.
        const encrypted = ENCRYPTED_LISTENER_PROTOCOLS.includes(String(protocol).toUpperCase());
        const policy = written === undefined || written === null ? (encrypted ? defaultTlsPolicy(resource) : undefined) : written;
        if (typeof policy !== 'string' || !isOutdatedTlsPolicy(policy)) return [];
        const path = ['listeners', index, 'sslPolicy'];
        const fix = buildSetPropertyFix(context.doc, resource, path, 'ELBSecurityPolicy-TLS13-1-2-2021-06', 'Use TLS 1.2+ (ELBSecurityPolicy-TLS13-1-2-2021-06)');
        const uses = written === policy ? `uses ${shown(policy)}` : `names no TLS policy, so it takes the default ${shown(policy)}`;
        return [finding(meta, resource, { path, message: `Listener ${index + 1} of \`${resource.name}\` ${uses}, which accepts TLS older than 1.2.`, ...(fix ? { fix } : {}) })];
      });
    },
  };
})();

const lbName = (resource: ResourceNode) => `Load balancer \`${resource.name}\``;

export const edgeAndAppRules: readonly SecurityRule[] = [
  httpListener,
  tlsPolicy,
  propertyRule({
    id: 'CA-ELB-003',
    title: 'Load balancer access logging is off',
    description: 'Access logs record every request (client, path, status, latency); without them incidents cannot be investigated.',
    severity: 'medium',
    concern: 'security',
    types: [ALB, NLB],
    remediation: 'Set `accessLogging: true` (delivered to an S3 bucket).',
    checkov: ['CKV_AWS_91'],
    securityHub: ['ELB.5'],
    responsibility: 'customer',
    path: ['accessLogging'],
    assumedDefault: false,
    ok: isTrue,
    message: (resource) => `${lbName(resource)} does not write access logs.`,
    fix: { value: true, title: 'Turn on access logs (accessLogging: true)' },
  }),
  propertyRule({
    id: 'CA-ELB-004',
    title: 'Application load balancer does not drop invalid HTTP headers',
    description: 'Forwarding malformed headers enables HTTP desync and request smuggling against the targets.',
    severity: 'medium',
    concern: 'security',
    types: [ALB],
    remediation: 'Set `dropInvalidHeaders: true`.',
    checkov: ['CKV_AWS_131'],
    securityHub: ['ELB.4'],
    responsibility: 'customer',
    path: ['dropInvalidHeaders'],
    assumedDefault: false,
    ok: isTrue,
    message: (resource) => `${lbName(resource)} forwards invalid HTTP header fields to its targets.`,
    fix: { value: true, title: 'Drop invalid headers (dropInvalidHeaders: true)' },
  }),
  propertyRule({
    id: 'CA-ELB-005',
    title: 'Load balancer does not span multiple availability zones',
    description: 'A load balancer in one zone stops when that zone fails; AWS requires two zones for an ALB.',
    severity: 'medium',
    concern: 'availability',
    types: [ALB, NLB, GWLB],
    remediation: 'List at least two zones in `zones`.',
    checkov: [],
    securityHub: ['ELB.13', 'ELB.10'],
    responsibility: 'customer',
    path: ['zones'],
    assumedDefault: undefined,
    ok: (_value, resource, context) => zonesOf(resource, context).length >= 2,
    message: (resource, _value, _written, context) => `${lbName(resource)} is in one zone only (${zonesOf(resource, context).join(', ') || 'none'}).`,
    fix: { compute: (resource, context) => twoZones(resource, context), title: 'Spread across two zones' },
  }),
  propertyRule({
    id: 'CA-ELB-006',
    title: 'Load balancer deletion protection is off',
    description: 'Without deletion protection one mistaken call removes the entry point of the application.',
    severity: 'medium',
    concern: 'availability',
    types: [ALB, NLB, GWLB],
    remediation: 'Set `deletionProtection: true`.',
    checkov: ['CKV_AWS_150'],
    securityHub: ['ELB.6'],
    responsibility: 'customer',
    path: ['deletionProtection'],
    assumedDefault: false,
    ok: isTrue,
    message: (resource) => `${lbName(resource)} can be deleted without first turning off deletion protection.`,
    fix: { value: true, title: 'Turn on deletion protection (deletionProtection: true)' },
  }),
  propertyRule({
    id: 'CA-ELB-007',
    title: 'Internet-facing application load balancer has no WAF',
    description: 'Without a web ACL the application receives injection, scanning and bot traffic unfiltered.',
    severity: 'medium',
    concern: 'security',
    types: [ALB],
    remediation: 'Set `waf: true` to associate an AWS WAF web ACL (or front the load balancer with CloudFront and WAF).',
    checkov: ['CKV2_AWS_28'],
    securityHub: [],
    responsibility: 'customer',
    path: ['waf'],
    assumedDefault: false,
    appliesTo: (resource, context) =>
      effective(resource, 'scheme') === 'internet-facing' && !context.targetedBy(resource.name).some((source) => source.type === 'aws.cloudfront.distribution' && source.props.waf === true),
    ok: isTrue,
    message: (resource) => `Internet-facing load balancer \`${resource.name}\` has no WAF web ACL.`,
    fix: { value: true, title: 'Attach a WAF web ACL (waf: true)' },
  }),
  propertyRule({
    id: 'CA-CF-001',
    title: 'CloudFront allows plain HTTP from viewers',
    description: 'With viewer protocol `allow-all`, pages, cookies and tokens can travel in clear text between users and the edge.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `viewerProtocol: redirect-to-https` (or `https-only`).',
    checkov: ['CKV_AWS_34'],
    securityHub: ['CloudFront.3'],
    responsibility: 'customer',
    path: ['viewerProtocol'],
    assumedDefault: 'allow-all',
    ok: (value) => value === 'redirect-to-https' || value === 'https-only',
    message: (resource, value) => `Distribution \`${resource.name}\` accepts HTTP from viewers (viewerProtocol: ${shown(value)}).`,
    fix: { value: 'redirect-to-https', title: 'Redirect viewers to HTTPS (viewerProtocol: redirect-to-https)' },
  }),
  propertyRule({
    id: 'CA-CF-002',
    title: 'CloudFront minimum viewer TLS version is below 1.2',
    description: 'Security policies older than TLSv1.2_2021 let viewers negotiate deprecated protocol versions and ciphers.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `minimumTlsVersion: TLSv1.2_2021`.',
    checkov: ['CKV_AWS_174'],
    securityHub: [],
    responsibility: 'customer',
    path: ['minimumTlsVersion'],
    assumedDefault: 'TLSv1.2_2021',
    ok: (value) => typeof value !== 'string' || /^TLSv1\.[23]/.test(value),
    message: (resource, value) => `Distribution \`${resource.name}\` accepts viewer TLS below 1.2 (minimumTlsVersion: ${shown(value)}).`,
    fix: { value: 'TLSv1.2_2021', title: 'Require TLS 1.2 (minimumTlsVersion: TLSv1.2_2021)' },
  }),
  propertyRule({
    id: 'CA-CF-003',
    title: 'CloudFront reaches custom origins without HTTPS',
    description: 'With origin protocol `http-only` or `match-viewer`, traffic between the edge and the origin can be clear text on the internet.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `originProtocol: https-only`.',
    checkov: ['CKV2_AWS_72'],
    securityHub: ['CloudFront.9'],
    responsibility: 'customer',
    path: ['originProtocol'],
    assumedDefault: 'https-only',
    ok: (value) => value === 'https-only',
    message: (resource, value) => `Distribution \`${resource.name}\` may reach its origins over HTTP (originProtocol: ${shown(value)}).`,
    fix: { value: 'https-only', title: 'Use HTTPS to origins (originProtocol: https-only)' },
  }),
  propertyRule({
    id: 'CA-CF-004',
    title: 'CloudFront access logging is off',
    description: 'Standard logs record every viewer request; without them abuse and incidents cannot be investigated.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `accessLogging: true`.',
    checkov: ['CKV_AWS_86'],
    securityHub: ['CloudFront.5'],
    responsibility: 'customer',
    path: ['accessLogging'],
    assumedDefault: false,
    ok: isTrue,
    message: (resource) => `Distribution \`${resource.name}\` does not log viewer requests.`,
    fix: { value: true, title: 'Turn on logging (accessLogging: true)' },
  }),
  propertyRule({
    id: 'CA-CF-005',
    title: 'CloudFront S3 origin has no origin access control',
    description: 'Without origin access control the bucket must be readable by everyone for CloudFront to serve it, so the CDN can be bypassed.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `originAccessControl: true` and keep the bucket\'s public access blocked.',
    checkov: ['CKV2_AWS_46'],
    securityHub: ['CloudFront.2'],
    responsibility: 'customer',
    path: ['originAccessControl'],
    assumedDefault: false,
    appliesTo: (resource, context) =>
      Array.isArray(resource.props.origins) && resource.props.origins.some((origin) => typeof origin === 'string' && context.doc.resourceByName.get(origin)?.type === 'aws.s3.bucket'),
    ok: isTrue,
    message: (resource) => `Distribution \`${resource.name}\` serves an S3 bucket without origin access control.`,
    fix: { value: true, title: 'Use origin access control (originAccessControl: true)' },
  }),
  propertyRule({
    id: 'CA-CF-006',
    title: 'CloudFront distribution has no WAF',
    description: 'Without a web ACL at the edge, injection, scanning and bot traffic reach the origins unfiltered.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `waf: true`.',
    checkov: ['CKV_AWS_68'],
    securityHub: ['CloudFront.6'],
    responsibility: 'customer',
    path: ['waf'],
    assumedDefault: false,
    ok: isTrue,
    message: (resource) => `Distribution \`${resource.name}\` has no WAF web ACL.`,
    fix: { value: true, title: 'Attach a WAF web ACL (waf: true)' },
  }),
  propertyRule({
    id: 'CA-CF-007',
    title: 'CloudFront has no origin failover',
    description: 'Without an origin group a failing origin makes the distribution return errors although a second origin could serve.',
    severity: 'low',
    concern: 'availability',
    types: CLOUDFRONT,
    remediation: 'List a primary and a secondary origin and set `originFailover: true`.',
    checkov: ['CKV_AWS_310'],
    securityHub: ['CloudFront.4'],
    responsibility: 'customer',
    path: ['originFailover'],
    assumedDefault: false,
    ok: isTrue,
    message: (resource) => `Distribution \`${resource.name}\` has no origin failover.`,
    // Failover needs two origins; with one there is nothing mechanical to turn on.
    fix: { compute: (resource) => (Array.isArray(resource.props.origins) && resource.props.origins.length >= 2 ? true : undefined), title: 'Fail over between origins (originFailover: true)' },
  }),
  propertyRule({
    id: 'CA-CF-008',
    title: 'CloudFront distribution serving S3 has no default root object',
    description: 'Without a default root object, a request for the distribution\'s root is passed to the S3 origin as is, which can return the bucket\'s listing or an error instead of the intended page.',
    severity: 'high',
    severityRationale:
      'Security Hub CloudFront.1 is High (it was Critical in the 2023 FSBP snapshot) and, like this rule, applies only to distributions with S3 origins. Only the default origin receives a request for `/`, so a distribution whose default origin is a load balancer or another custom origin is not flagged at all.',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `defaultRootObject` (for example `index.html`).',
    checkov: ['CKV_AWS_305'],
    securityHub: ['CloudFront.1'],
    responsibility: 'customer',
    path: ['defaultRootObject'],
    assumedDefault: undefined,
    // The root URL goes to the default origin, the first of `origins`; other origins only serve their path patterns.
    appliesTo: (resource, context) =>
      Array.isArray(resource.props.origins) && typeof resource.props.origins[0] === 'string' && context.doc.resourceByName.get(resource.props.origins[0])?.type === 'aws.s3.bucket',
    ok: (value) => typeof value === 'string' && value.trim() !== '',
    message: (resource) => `Distribution \`${resource.name}\` sends requests for its root to an S3 bucket but has no default root object.`,
    fix: { value: 'index.html', title: 'Serve index.html at the root (defaultRootObject: index.html)' },
  }),
  propertyRule({
    id: 'CA-APIGW-001',
    title: 'API Gateway access logging is off',
    description: 'Without access logs there is no record of who called which route with what result.',
    severity: 'medium',
    concern: 'security',
    types: APIGW,
    remediation: 'Set `accessLogging: true`.',
    checkov: ['CKV_AWS_76', 'CKV_AWS_95'],
    securityHub: ['APIGateway.1', 'APIGateway.9'],
    responsibility: 'customer',
    path: ['accessLogging'],
    assumedDefault: false,
    ok: isTrue,
    message: (resource) => `API \`${resource.name}\` does not write access logs.`,
    fix: { value: true, title: 'Turn on access logging (accessLogging: true)' },
  }),
  propertyRule({
    id: 'CA-APIGW-002',
    title: 'REST API is not protected by WAF',
    description: 'A public REST API without a web ACL receives injection and bot traffic unfiltered.',
    severity: 'medium',
    concern: 'security',
    types: APIGW,
    remediation: 'Set `waf: true` (WAF attaches to REST API stages; put HTTP APIs behind CloudFront with WAF).',
    checkov: ['CKV2_AWS_29'],
    securityHub: ['APIGateway.4'],
    responsibility: 'customer',
    path: ['waf'],
    assumedDefault: false,
    appliesTo: (resource) => resource.props.kind === undefined || resource.props.kind === 'rest',
    ok: isTrue,
    message: (resource) => `REST API \`${resource.name}\` has no WAF web ACL.`,
    fix: { value: true, title: 'Attach a WAF web ACL (waf: true)' },
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
  propertyRule({
    id: 'CA-APIGW-004',
    title: 'API Gateway X-Ray tracing is off',
    description: 'Without tracing, slow or failing calls cannot be followed through the services behind the API.',
    severity: 'low',
    concern: 'security',
    types: APIGW,
    remediation: 'Set `tracing: true`.',
    checkov: ['CKV_AWS_73'],
    securityHub: ['APIGateway.3'],
    responsibility: 'customer',
    path: ['tracing'],
    assumedDefault: false,
    appliesTo: (resource) => resource.props.kind === undefined || resource.props.kind === 'rest',
    ok: isTrue,
    message: (resource) => `API \`${resource.name}\` does not trace requests with X-Ray.`,
    fix: { value: true, title: 'Turn on X-Ray tracing (tracing: true)' },
  }),
  propertyRule({
    id: 'CA-LAMBDA-001',
    title: 'Lambda function is not connected to a VPC',
    description: 'A function outside a VPC cannot use security groups, VPC endpoints or flow logs to control and observe its network traffic.',
    severity: 'low',
    concern: 'security',
    types: LAMBDA,
    remediation: 'Set `inVpc: true` (attach the function to private subnets) when it reaches resources in the VPC or must be network-controlled.',
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
    fix: { compute: (resource) => (typeof resource.props.runtime === 'string' ? replacementRuntime(resource.props.runtime) : undefined), title: 'Move to a supported runtime' },
  }),
  propertyRule({
    id: 'CA-LAMBDA-003',
    title: 'Lambda function has no reserved concurrency',
    description: 'Without reserved concurrency one function can consume the account\'s whole concurrency and throttle every other function, or flood its downstream database.',
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
  (() => {
    const meta: RuleMeta = {
      id: 'CA-LAMBDA-005',
      title: 'Secret written in Lambda environment variables',
      description: 'Environment variables are visible to anyone who can read the function\'s configuration and end up in templates and logs.',
      severity: 'high',
      concern: 'security',
      types: LAMBDA,
      remediation: 'Keep secrets in AWS Secrets Manager or SSM Parameter Store and read them at run time with the function\'s role.',
      checkov: ['CKV_AWS_45'],
      securityHub: [],
      responsibility: 'customer',
      fixable: false,
    };
    return {
      ...meta,
      check(resource: ResourceNode): readonly SecurityFinding[] {
        const environment = resource.props.environment;
        if (environment === null || typeof environment !== 'object' || Array.isArray(environment)) return [];
        return Object.entries(environment as Record<string, unknown>).flatMap(([key, value]) => {
          if (typeof value !== 'string' || value.length < 4) return [];
          // A reference to a secret (an ARN, a dynamic reference, a template variable) is not the secret, whatever the variable's name.
          if (/^(arn:|\{\{resolve:|\$\{)/.test(value)) return [];
          const what = secretIn(`${key}=${value}`) ?? (/(secret|password|passwd|token|api_?key|private_?key)/i.test(key) ? 'a secret-looking value' : undefined);
          return what === undefined ? [] : [finding(meta, resource, { path: ['environment', key], message: `Environment variable \`${key}\` of \`${resource.name}\` holds ${what} in clear text.` })];
        });
      },
    };
  })(),
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
    message: (resource) => `Lambda function \`${resource.name}\` can be invoked by anyone through its public function URL (functionUrl: public).`,
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
  propertyRule({
    id: 'CA-ECS-003',
    title: 'ECS container root file system is writable',
    description: 'A writable root file system lets an attacker who gets code execution modify binaries and persist in the container.',
    severity: 'medium',
    concern: 'security',
    types: ECS,
    remediation: 'Set `readonlyRootFilesystem: true` and mount volumes for the paths the application writes.',
    checkov: [],
    securityHub: [],
    responsibility: 'customer',
    path: ['readonlyRootFilesystem'],
    assumedDefault: false,
    ok: isTrue,
    message: (resource) => `ECS service \`${resource.name}\` gives its containers a writable root file system.`,
    fix: { value: true, title: 'Make the root file system read-only (readonlyRootFilesystem: true)' },
  }),
  propertyRule({
    id: 'CA-EB-001',
    title: 'Elastic Beanstalk managed platform updates are off',
    description: 'Without managed updates the environment\'s platform misses security patches until someone updates it by hand.',
    severity: 'high',
    concern: 'security',
    types: BEANSTALK,
    remediation: 'Set `managedUpdates: true`.',
    checkov: ['CKV_AWS_340'],
    securityHub: ['ElasticBeanstalk.2'],
    responsibility: 'customer',
    path: ['managedUpdates'],
    assumedDefault: false,
    ok: isTrue,
    message: (resource) => `Elastic Beanstalk environment \`${resource.name}\` does not apply platform updates automatically.`,
    fix: { value: true, title: 'Turn on managed updates (managedUpdates: true)' },
  }),
  propertyRule({
    id: 'CA-EB-002',
    title: 'Elastic Beanstalk enhanced health reporting is off',
    description: 'Basic health sees only load balancer checks; enhanced health reports instance and request-level problems.',
    severity: 'low',
    concern: 'availability',
    types: BEANSTALK,
    remediation: 'Set `enhancedHealth: true`.',
    checkov: ['CKV_AWS_312'],
    securityHub: ['ElasticBeanstalk.1'],
    responsibility: 'customer',
    path: ['enhancedHealth'],
    assumedDefault: true,
    ok: isTrue,
    message: (resource) => `Elastic Beanstalk environment \`${resource.name}\` uses basic health reporting only.`,
    fix: { value: true, title: 'Turn on enhanced health (enhancedHealth: true)' },
  }),
];
