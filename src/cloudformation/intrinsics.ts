/**
 * Evaluating a template's intrinsic functions the way CloudFormation would at deploy time, as far
 * as that can be done offline: parameters take their defaults (or the values given), conditions
 * are evaluated, mappings looked up, strings substituted and joined. What only exists once the
 * stack is deployed stays symbolic: a `Ref`/`GetAtt` to a resource becomes a `ResourceRef` (which
 * the import turns into a reference between architecture resources), and anything that cannot be
 * known offline (an imported value, the account id, a parameter without a value) becomes an
 * `Unknown` that says why.
 */
import type { CfnObject, CfnValue } from './template';

/** A `Ref` or `Fn::GetAtt` naming a resource of the template. */
export class ResourceRef {
  constructor(
    readonly logicalId: string,
    readonly attribute?: string,
  ) {}
}

/** A value that cannot be known before deployment, with the reason and the resources it mentions. */
export class Unknown {
  constructor(
    readonly why: string,
    readonly refs: readonly ResourceRef[] = [],
  ) {}
}

/** What an intrinsic evaluates to. `noValue` (AWS::NoValue) removes the property it is the value of. */
export type Evaluated = string | number | boolean | null | ResourceRef | Unknown | Evaluated[] | { [key: string]: Evaluated };
export const noValue: unique symbol = Symbol('AWS::NoValue');
type Result = Evaluated | typeof noValue;

/** A problem with the template's logic (an undefined condition, a bad intrinsic), with the path to it. */
export class IntrinsicError extends Error {}

/** Evaluation steps allowed per template: a bound on hostile nesting of intrinsics (real templates use a few thousand). */
const maxSteps = 500_000;
/** The longest string `Fn::Join`/`Fn::Sub` may build. */
const maxStringLength = 1_000_000;

export interface EvaluationInput {
  readonly template: CfnObject;
  /** Values given for parameters (`--param Name=Value`), overriding defaults. */
  readonly params: Readonly<Record<string, string>>;
  readonly region: string;
  /** Where assumptions are recorded for the report. */
  readonly notes: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ResourceRef) && !(value instanceof Unknown)
  );
}

/** The evaluator of one template. */
export class TemplateEvaluator {
  private steps = 0;
  private readonly parameterValues = new Map<string, Evaluated>();
  private readonly conditionValues = new Map<string, boolean | 'evaluating'>();
  private readonly resources: CfnObject;
  private readonly mappings: CfnObject;
  private readonly conditions: CfnObject;

  constructor(private readonly input: EvaluationInput) {
    const section = (name: string): CfnObject => {
      const value = input.template[name];
      return isObject(value) ? (value as CfnObject) : {};
    };
    this.resources = section('Resources');
    this.mappings = section('Mappings');
    this.conditions = section('Conditions');
    const parameters = section('Parameters');
    for (const name of Object.keys(input.params)) {
      if (!(name in parameters))
        throw new IntrinsicError(
          `--param ${name}: the template has no parameter '${name}' (it has ${Object.keys(parameters).join(', ') || 'none'}).`,
        );
    }
    for (const [name, definition] of Object.entries(parameters)) {
      this.parameterValues.set(name, this.parameterValue(name, isObject(definition) ? (definition as CfnObject) : {}));
    }
  }

  private parameterValue(name: string, definition: CfnObject): Evaluated {
    const type = typeof definition.Type === 'string' ? definition.Type : 'String';
    const given = this.input.params[name];
    const raw =
      given ??
      (definition.Default === undefined || definition.Default === null
        ? undefined
        : String(definition.Default as string | number | boolean));
    if (type.startsWith('AWS::SSM::Parameter::Value<')) {
      return new Unknown(`parameter ${name} is read from the SSM parameter ${raw ?? '(none given)'} at deploy time`);
    }
    if (raw === undefined) {
      this.input.notes.push(
        `Parameter ${name} has no default and no value was given (--param ${name}=...); what depends on it is left open.`,
      );
      return new Unknown(`parameter ${name} has no value`);
    }
    if (type.startsWith('List<') || type === 'CommaDelimitedList') return raw === '' ? [] : raw.split(',').map((item) => item.trim());
    if (type === 'Number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
    return raw;
  }

  /** Whether the named condition holds; unknown inputs make it false, with a note. */
  condition(name: string): boolean {
    const known = this.conditionValues.get(name);
    if (known === 'evaluating') throw new IntrinsicError(`condition '${name}' refers to itself.`);
    if (known !== undefined) return known;
    if (!(name in this.conditions)) throw new IntrinsicError(`condition '${name}' is not defined in \`Conditions\`.`);
    this.conditionValues.set(name, 'evaluating');
    const value = this.evaluate(this.conditions[name]!);
    let result: boolean;
    if (typeof value === 'boolean') result = value;
    else if (value === 'true' || value === 'false') result = value === 'true';
    else {
      this.input.notes.push(`Condition ${name} depends on values not known before deployment; it is taken as false.`);
      result = false;
    }
    this.conditionValues.set(name, result);
    return result;
  }

  /** Evaluates a value; `noValue` marks a property to drop. */
  evaluate(value: CfnValue): Result {
    if (++this.steps > maxSteps)
      throw new IntrinsicError(`the template's intrinsic functions need more than ${maxSteps} evaluation steps; it is not read further.`);
    if (Array.isArray(value)) {
      const items: Evaluated[] = [];
      for (const item of value) {
        const evaluated = this.evaluate(item);
        if (evaluated !== noValue) items.push(evaluated);
      }
      return items;
    }
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const key = keys[0]!;
      if (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::')) return this.intrinsic(key, value[key]!);
    }
    const object: { [key: string]: Evaluated } = {};
    for (const key of keys) {
      const evaluated = this.evaluate(value[key]!);
      if (evaluated !== noValue) object[key] = evaluated;
    }
    return object;
  }

  /** Evaluates and treats `noValue` as absent. */
  value(value: CfnValue | undefined): Evaluated | undefined {
    if (value === undefined) return undefined;
    const evaluated = this.evaluate(value);
    return evaluated === noValue ? undefined : evaluated;
  }

  private ref(name: string): Result {
    switch (name) {
      case 'AWS::NoValue':
        return noValue;
      case 'AWS::Region':
        return this.input.region;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return 'stack';
      case 'AWS::AccountId':
      case 'AWS::StackId':
      case 'AWS::NotificationARNs':
        return new Unknown(`${name} is known only at deploy time`);
    }
    if (this.parameterValues.has(name)) return this.parameterValues.get(name)!;
    if (name in this.resources) return new ResourceRef(name);
    throw new IntrinsicError(`Ref '${name}' names no parameter, resource or pseudo parameter.`);
  }

  private intrinsic(name: string, argument: CfnValue): Result {
    switch (name) {
      case 'Ref': {
        if (typeof argument !== 'string') throw new IntrinsicError('Ref takes a name.');
        return this.ref(argument);
      }
      case 'Condition': {
        if (typeof argument !== 'string') throw new IntrinsicError('Condition takes a condition name.');
        return this.condition(argument);
      }
      case 'Fn::GetAtt': {
        const parts =
          typeof argument === 'string' ? argument.split('.') : Array.isArray(argument) ? argument.map((part) => this.evaluate(part)) : [];
        const [id, ...attribute] = parts;
        if (typeof id !== 'string' || attribute.length === 0 || attribute.some((part) => typeof part !== 'string'))
          throw new IntrinsicError('Fn::GetAtt takes [Resource, Attribute].');
        if (!(id in this.resources)) throw new IntrinsicError(`Fn::GetAtt names '${id}', which is not a resource of the template.`);
        return new ResourceRef(id, attribute.join('.'));
      }
      case 'Fn::If': {
        if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string')
          throw new IntrinsicError('Fn::If takes [Condition, ValueIfTrue, ValueIfFalse].');
        return this.evaluate(this.condition(argument[0]) ? argument[1]! : argument[2]!);
      }
      case 'Fn::Equals': {
        if (!Array.isArray(argument) || argument.length !== 2) throw new IntrinsicError('Fn::Equals takes two values.');
        const [left, right] = argument.map((item) => this.evaluate(item));
        if (left instanceof Unknown || right instanceof Unknown || left instanceof ResourceRef || right instanceof ResourceRef)
          return new Unknown('a comparison with a value known only at deploy time');
        return JSON.stringify(stringly(left)) === JSON.stringify(stringly(right));
      }
      case 'Fn::Not':
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(argument) || argument.length === 0) throw new IntrinsicError(`${name} takes a list of conditions.`);
        const values = argument.map((item) => this.evaluate(item));
        if (values.some((item) => typeof item !== 'boolean')) return new Unknown('a condition on values known only at deploy time');
        const booleans = values as boolean[];
        if (name === 'Fn::Not') return !booleans[0];
        return name === 'Fn::And' ? booleans.every(Boolean) : booleans.some(Boolean);
      }
      case 'Fn::FindInMap': {
        if (!Array.isArray(argument) || argument.length < 3)
          throw new IntrinsicError('Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey].');
        const [mapName, top, second] = argument.slice(0, 3).map((item) => this.evaluate(item));
        if (
          typeof mapName !== 'string' ||
          (typeof top !== 'string' && typeof top !== 'number') ||
          (typeof second !== 'string' && typeof second !== 'number')
        ) {
          return new Unknown('a mapping looked up by a value known only at deploy time');
        }
        const map = this.mappings[mapName];
        const level = isObject(map) ? (map as CfnObject)[String(top)] : undefined;
        const found = isObject(level) ? (level as CfnObject)[String(second)] : undefined;
        if (found === undefined)
          throw new IntrinsicError(`Fn::FindInMap: mapping ${mapName} has no entry ${String(top)}/${String(second)}.`);
        return this.evaluate(found);
      }
      case 'Fn::Select': {
        if (!Array.isArray(argument) || argument.length !== 2) throw new IntrinsicError('Fn::Select takes [Index, List].');
        const index = this.evaluate(argument[0]!);
        const list = this.evaluate(argument[1]!);
        if (!Array.isArray(list) || (typeof index !== 'number' && typeof index !== 'string'))
          return new Unknown('a selection from a list known only at deploy time', refsIn(list));
        const item = list[Number(index)];
        if (item === undefined) throw new IntrinsicError(`Fn::Select: index ${String(index)} is outside the list of ${list.length}.`);
        return item;
      }
      case 'Fn::Join': {
        if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string')
          throw new IntrinsicError('Fn::Join takes [Delimiter, List].');
        const list = this.evaluate(argument[1]!);
        if (!Array.isArray(list)) return new Unknown('a join of a list known only at deploy time', refsIn(list));
        if (list.some((item) => typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean'))
          return new Unknown('a string built from values known only at deploy time', refsIn(list));
        return bounded(list.map(String).join(argument[0]));
      }
      case 'Fn::Split': {
        if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string')
          throw new IntrinsicError('Fn::Split takes [Delimiter, String].');
        const text = this.evaluate(argument[1]!);
        if (typeof text !== 'string') return new Unknown('a split of a string known only at deploy time', refsIn(text));
        return argument[0] === '' ? [text] : text.split(argument[0]);
      }
      case 'Fn::Sub':
        return this.substitute(argument);
      case 'Fn::Base64': {
        return this.evaluate(argument);
      }
      case 'Fn::GetAZs': {
        const region = this.evaluate(argument);
        const name = typeof region === 'string' && region !== '' ? region : this.input.region;
        // The number of zones of a region is not in the template; three is what every region but a few offers.
        return ['a', 'b', 'c'].map((letter) => `${name}${letter}`);
      }
      case 'Fn::ImportValue':
        return new Unknown('a value exported by another stack');
      case 'Fn::Length': {
        const list = this.evaluate(argument);
        return Array.isArray(list) ? list.length : new Unknown('the length of a list known only at deploy time');
      }
      default:
        return new Unknown(`${name} is not evaluated offline`, refsIn(this.evaluate(argument)));
    }
  }

  private substitute(argument: CfnValue): Result {
    let template: CfnValue | undefined;
    let variables: Record<string, Evaluated> = {};
    if (typeof argument === 'string') template = argument;
    else if (Array.isArray(argument) && typeof argument[0] === 'string') {
      template = argument[0];
      const given = argument[1] === undefined ? {} : this.evaluate(argument[1]);
      if (isObject(given)) variables = given as Record<string, Evaluated>;
    }
    if (typeof template !== 'string') throw new IntrinsicError('Fn::Sub takes a string, or [String, { Variables }].');
    const refs: ResourceRef[] = [];
    let unknown = false;
    const text = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      let value: Result;
      if (name in variables) value = variables[name]!;
      else if (name.includes('.') && name.split('.')[0]! in this.resources) {
        const [id, ...attribute] = name.split('.');
        value = new ResourceRef(id!, attribute.join('.'));
      } else {
        try {
          value = this.ref(name);
        } catch {
          throw new IntrinsicError(`Fn::Sub: \${${name}} names no parameter, resource or pseudo parameter.`);
        }
      }
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
      unknown = true;
      refs.push(...refsIn(value === noValue ? null : value));
      return whole;
    });
    if (unknown) return new Unknown('a string built from values known only at deploy time', refs);
    return bounded(text);
  }
}

function bounded(text: string): string {
  if (text.length > maxStringLength)
    throw new IntrinsicError(`an intrinsic function builds a string longer than ${maxStringLength} characters.`);
  return text;
}

function stringly(value: Result): Result {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

/** Every resource a value mentions, however deep. */
export function refsIn(value: unknown): ResourceRef[] {
  const found: ResourceRef[] = [];
  const visit = (item: unknown, depth: number): void => {
    if (item === undefined || item === null || typeof item === 'symbol' || depth > 64) return;
    if (item instanceof ResourceRef) found.push(item);
    else if (item instanceof Unknown) found.push(...item.refs);
    else if (Array.isArray(item)) for (const element of item) visit(element, depth + 1);
    else if (typeof item === 'object') for (const element of Object.values(item)) visit(element, depth + 1);
  };
  visit(value, 0);
  return found;
}
