/**
 * Why each critical and high rule has its severity, compared with how AWS Security Hub and Checkov
 * (through Prisma Cloud, which grades Checkov's checks) grade the same misconfiguration. The
 * registry attaches these to the rules, docs/security-rules.md prints them, and a test fails when a
 * critical or high rule has none: a severity that cannot be defended teaches users to ignore it.
 *
 * Security Hub severities: the control pages of the Security Hub CSPM user guide
 * (https://docs.aws.amazon.com/securityhub/latest/userguide/<service>-controls.html), read
 * 2026-12-03 where the text says "now"; otherwise the 2023-03 snapshot in
 * /work/shared/reference/security-rules.md (awsdocs/aws-security-hub-user-guide @ bda5bf7).
 * Checkov open source publishes no severities.
 */
export const severityRationale: Readonly<Record<string, string>> = {
  'CA-NET-001':
    'Critical, like Security Hub RDS.2 and Redshift.1 (both Critical) for a publicly accessible database: the data store itself answers the internet, so only its own authentication protects the data. Unlike those controls it follows security groups, so it also catches a store that is reachable without a `publiclyAccessible` flag.',
  'CA-NET-002':
    'High: no scanner checks paths; one step below CA-NET-001 because an internet-facing resource (not the store) takes the traffic, but a single compromised or misrouted front end then reaches the data. A design with an application tier in between gets CA-NET-003 (low) instead.',
  'CA-SG-001':
    'High, as Security Hub EC2.13 (High) grades SSH open to 0.0.0.0/0. EC2.19 (Critical) also lists port 22, but CloudArch reserves critical for all ports and database ports (CA-SG-003, CA-SG-004), where an exposed service is usually the data itself.',
  'CA-SG-002':
    'High, as Security Hub EC2.14 (High) grades RDP open to the internet; the same reasoning as CA-SG-001 keeps it below the all-ports and database-port rules.',
  'CA-SG-003':
    'Critical, as Security Hub EC2.19 (Critical) for unrestricted access: every port and protocol of every instance in the group faces the internet.',
  'CA-SG-004':
    'Critical, as Security Hub EC2.19 (Critical), whose high-risk port list includes 1433, 3306, 5432 and the other database ports: a database port open to the world exposes the data directly.',
  'CA-SG-005':
    'High, as Security Hub EC2.18 (High): a port outside the authorised list (80, 443 by default) open to the internet. Plain HTTP on 80 is its own low rule (CA-SG-006).',
  'CA-SG-009':
    'High, as Security Hub EC2.2 (High): rules on the default security group apply to every resource launched without an explicit group.',
  'CA-EC2-001':
    'High, as Security Hub EC2.9 (High): a public address makes the instance reachable from the internet, leaving its security group as the only control.',
  'CA-EC2-002': 'High, as Security Hub EC2.8 (High): IMDSv1 lets a server-side request forgery read the instance role credentials.',
  'CA-EC2-004':
    'High: user data is readable by anyone with ec2:DescribeInstanceAttribute and by every process on the instance through the metadata service, so a secret there is a standing credential leak. Checkov CKV_AWS_46 flags the same; Security Hub has no control for it.',
  'CA-EC2-007':
    'High, as Security Hub AutoScaling.4 (High): a hop limit above 1 lets containers on the host reach the metadata service and its credentials.',
  'CA-ASG-002':
    'High, as Security Hub AutoScaling.3 (High): the launch template gives every instance of the group IMDSv1 (the same risk as CA-EC2-002).',
  'CA-ASG-004': 'High, as Security Hub EC2.25 (High): every instance the template launches gets a public address.',
  'CA-S3-001':
    'Critical, as Security Hub S3.2 (Critical) for a bucket that allows public read. AWS has since folded S3.2 and S3.3 into block-public-access controls (S3.8, High), which check the setting rather than the effect; CloudArch checks the effect, an anonymous read of every object, and keeps the higher grade.',
  'CA-S3-002':
    'Critical, as Security Hub S3.3 (Critical) for public write: anyone can replace or add objects, including content served to users.',
  'CA-RDS-001': 'Critical, as Security Hub RDS.2 (Critical): the database has a public address and answers the internet.',
  'CA-RDS-006':
    "High, as Security Hub RDS.13 (High): minor versions carry the engine's security fixes, and with automatic upgrades off they wait for someone to apply them. It is the default (on) unless a design turns it off.",
  'CA-CF-008':
    'High, as Security Hub CloudFront.1, now graded High (it was Critical in the 2023 snapshot) and applied only to distributions with S3 origins. CloudArch checks only the default origin, the one that receives a request for `/`: a distribution whose default origin is a load balancer is not flagged.',
  'CA-LAMBDA-005':
    'High: environment variables are visible to anyone who can read the function configuration and are stored with the function; Checkov CKV_AWS_45 flags the same. Security Hub has no control for it.',
  'CA-LAMBDA-006':
    "Critical, as Security Hub Lambda.1 (Critical) for a function anyone may invoke: a function URL with auth type NONE is a public, unauthenticated endpoint that runs code and bills the account. Checkov CKV_AWS_258 checks the URL's auth type.",
  'CA-ECS-001': 'High, as Security Hub ECS.4 (High): a privileged container is root on its host.',
  'CA-ECS-002': 'High, as Security Hub ECS.2 (High): tasks get public addresses and face the internet directly.',
  'CA-EB-001':
    'High, as Security Hub ElasticBeanstalk.2 (High): without managed platform updates the environment keeps operating-system and runtime vulnerabilities until someone updates it.',
  'CA-REDSHIFT-001': 'Critical, as Security Hub Redshift.1 (Critical): the warehouse has a public endpoint.',
  'CA-EMR-004':
    'High: with block public access off, a cluster may start with security groups open to the internet on any port, and EMR clusters run services (web UIs, Livy, Jupyter) that execute code. Security Hub checks the same account-level setting with EMR.2; not cross-referenced here because the control is per account, not per cluster.',
  'CA-DMS-001':
    'Critical, like the publicly accessible database rules (RDS.2, Redshift.1): a public replication instance holds the credentials of both endpoints and reads all the data being migrated.',
  'CA-LIGHTSAIL-001':
    'High, as SSH open to the internet is graded by Security Hub EC2.13 (High); Lightsail has no Security Hub control or Checkov check, but its default firewall opens SSH (and RDP on Windows) to every address, so the finding is the same.',
  'CA-BATCH-001':
    'High, as Security Hub EC2.8 and AutoScaling.3 (both High) grade IMDSv1 on instances and launch templates: Batch compute environments launch EC2 instances from a launch template, with the same credential risk.',
};
