/**
 * The commercial AWS regions the catalog knows, with their locations: offered by completion of a
 * region value and named on hover (the price snapshot is us-east-1).
 */
export const awsRegions: readonly { readonly name: string; readonly location: string }[] = [
  { name: 'us-east-1', location: 'US East (N. Virginia)' },
  { name: 'us-east-2', location: 'US East (Ohio)' },
  { name: 'us-west-1', location: 'US West (N. California)' },
  { name: 'us-west-2', location: 'US West (Oregon)' },
  { name: 'ca-central-1', location: 'Canada (Central)' },
  { name: 'sa-east-1', location: 'South America (São Paulo)' },
  { name: 'eu-west-1', location: 'Europe (Ireland)' },
  { name: 'eu-west-2', location: 'Europe (London)' },
  { name: 'eu-west-3', location: 'Europe (Paris)' },
  { name: 'eu-central-1', location: 'Europe (Frankfurt)' },
  { name: 'eu-north-1', location: 'Europe (Stockholm)' },
  { name: 'eu-south-1', location: 'Europe (Milan)' },
  { name: 'ap-northeast-1', location: 'Asia Pacific (Tokyo)' },
  { name: 'ap-northeast-2', location: 'Asia Pacific (Seoul)' },
  { name: 'ap-northeast-3', location: 'Asia Pacific (Osaka)' },
  { name: 'ap-southeast-1', location: 'Asia Pacific (Singapore)' },
  { name: 'ap-southeast-2', location: 'Asia Pacific (Sydney)' },
  { name: 'ap-south-1', location: 'Asia Pacific (Mumbai)' },
  { name: 'me-south-1', location: 'Middle East (Bahrain)' },
  { name: 'af-south-1', location: 'Africa (Cape Town)' },
];
