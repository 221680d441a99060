/**
 * Checks a template against the CloudFormation resource specification, as published in
 * `@aws-cdk/aws-service-spec` (a test-only dependency: the CDK team's database of every resource
 * type, property, type definition and attribute, built from the CloudFormation registry schemas).
 *
 * It answers what a deploy would refuse before any API call: a type that does not exist, a
 * property the type does not have or of the wrong type, a required property missing, a `Ref`,
 * `Fn::GetAtt`, `Fn::Sub` variable or `DependsOn` naming nothing, an attribute the resource does
 * not have.
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type { PropertyType, Resource, SpecDatabase, TypeDefinition } from '@aws-cdk/service-spec-types';

let database: SpecDatabase | undefined;

function spec(): SpecDatabase {
  database ??= loadAwsServiceSpecSync();
  return database;
}

const pseudoParameters = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** Attributes every resource has although the specification does not list them (`Ref` aside). */
const extraAttributes: Readonly<Record<string, readonly string[]>> = {};

function resourceSpec(type: string): Resource | undefined {
  return spec().lookup('resource', 'cloudFormationType', 'equals', type)[0];
}

type Json = unknown;

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One problem, with the path to it (`Resources.WebLb.Properties.Subnets[0]`). */
export interface SpecProblem {
  readonly path: string;
  readonly message: string;
}

/** Every problem of a template object against the specification; empty when it is valid. */
export function checkTemplateAgainstSpec(template: Record<string, Json>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const resources = isObject(template.Resources) ? template.Resources : {};
  const parameters = isObject(template.Parameters) ? template.Parameters : {};
  const names = new Set([...Object.keys(resources), ...Object.keys(parameters)]);

  const checkIntrinsic = (value: Record<string, Json>, path: string): boolean => {
    const keys = Object.keys(value);
    if (keys.length !== 1) return false;
    const [key] = keys as [string];
    const argument = value[key];
    if (key === 'Ref') {
      if (typeof argument !== 'string' || !(names.has(argument) || pseudoParameters.has(argument)))
        problems.push({ path, message: `Ref names '${String(argument)}', which is no resource, parameter or pseudo parameter` });
      return true;
    }
    if (key === 'Fn::GetAtt') {
      const [id, attribute] = Array.isArray(argument) ? argument : typeof argument === 'string' ? argument.split(/\.(.*)/) : [];
      checkAttribute(String(id), String(attribute), path);
      return true;
    }
    if (key === 'Fn::Sub') {
      const text = typeof argument === 'string' ? argument : Array.isArray(argument) ? argument[0] : undefined;
      const variables = Array.isArray(argument) && isObject(argument[1]) ? argument[1] : {};
      for (const match of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const name = match[1]!;
        if (name in variables || pseudoParameters.has(name) || names.has(name)) continue;
        const dot = name.indexOf('.');
        if (dot > 0) checkAttribute(name.slice(0, dot), name.slice(dot + 1), path);
        else problems.push({ path, message: `Fn::Sub names \${${name}}, which is no resource, parameter or pseudo parameter` });
      }
      if (isObject(variables)) for (const [name, item] of Object.entries(variables)) walkIntrinsics(item, `${path}.${name}`);
      return true;
    }
    if (key.startsWith('Fn::')) {
      walkIntrinsics(argument, `${path}.${key}`);
      return true;
    }
    return false;
  };

  const checkAttribute = (id: string, attribute: string, path: string): void => {
    const resource = resources[id];
    if (!isObject(resource)) {
      problems.push({ path, message: `Fn::GetAtt names '${id}', which is not a resource` });
      return;
    }
    const definition = resourceSpec(String(resource.Type));
    if (definition === undefined) return;
    const attributes = new Set([...Object.keys(definition.attributes), ...(extraAttributes[String(resource.Type)] ?? [])]);
    if (!attributes.has(attribute))
      problems.push({ path, message: `${String(resource.Type)} has no attribute '${attribute}' (it has ${[...attributes].join(', ')})` });
  };

  const walkIntrinsics = (value: Json, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => walkIntrinsics(item, `${path}[${index}]`));
    else if (isObject(value)) {
      if (checkIntrinsic(value, path)) return;
      for (const [key, item] of Object.entries(value)) walkIntrinsics(item, `${path}.${key}`);
    }
  };

  const checkValue = (value: Json, type: PropertyType, path: string): void => {
    if (isObject(value) && checkIntrinsic(value, path)) return;
    switch (type.type) {
      case 'string':
        if (typeof value !== 'string' && typeof value !== 'number')
          problems.push({ path, message: `expected a string, found ${describe(value)}` });
        return;
      case 'number':
      case 'integer':
        if (
          typeof value === 'number'
            ? type.type === 'integer' && !Number.isInteger(value)
            : typeof value !== 'string' || !Number.isFinite(Number(value)) || value.trim() === ''
        )
          problems.push({ path, message: `expected ${type.type === 'integer' ? 'an integer' : 'a number'}, found ${describe(value)}` });
        return;
      case 'boolean':
        if (typeof value !== 'boolean' && value !== 'true' && value !== 'false')
          problems.push({ path, message: `expected a boolean, found ${describe(value)}` });
        return;
      case 'json':
        return;
      case 'date-time':
        if (typeof value !== 'string') problems.push({ path, message: `expected a date-time string, found ${describe(value)}` });
        return;
      case 'null':
        return;
      case 'tag':
        if (!isObject(value) || typeof value.Key !== 'string' || value.Value === undefined)
          problems.push({ path, message: `expected a tag { Key, Value }, found ${describe(value)}` });
        return;
      case 'array':
        if (!Array.isArray(value)) problems.push({ path, message: `expected a list, found ${describe(value)}` });
        else value.forEach((item, index) => checkValue(item, type.element, `${path}[${index}]`));
        return;
      case 'map':
        if (!isObject(value)) problems.push({ path, message: `expected a map, found ${describe(value)}` });
        else for (const [key, item] of Object.entries(value)) checkValue(item, type.element, `${path}.${key}`);
        return;
      case 'union': {
        const before = problems.length;
        for (const candidate of type.types) {
          checkValue(value, candidate, path);
          if (problems.length === before) return;
          problems.length = before;
        }
        problems.push({ path, message: `${describe(value)} matches none of the allowed types` });
        return;
      }
      case 'ref': {
        const definition = spec().get('typeDefinition', type.reference.$ref);
        checkObject(value, definition, path);
        return;
      }
    }
  };

  const checkObject = (value: Json, definition: TypeDefinition | Resource, path: string): void => {
    if (!isObject(value)) {
      problems.push({ path, message: `expected an object (${definition.name}), found ${describe(value)}` });
      return;
    }
    if (checkIntrinsic(value, path)) return;
    for (const [key, item] of Object.entries(value)) {
      const property = definition.properties[key];
      if (property === undefined) {
        problems.push({ path: `${path}.${key}`, message: `${definition.name} has no property '${key}'` });
        continue;
      }
      checkValue(item, property.type, `${path}.${key}`);
    }
    for (const [key, property] of Object.entries(definition.properties)) {
      if (property.required === true && value[key] === undefined) problems.push({ path, message: `${definition.name} requires '${key}'` });
    }
  };

  for (const [id, resource] of Object.entries(resources)) {
    const path = `Resources.${id}`;
    if (!isObject(resource) || typeof resource.Type !== 'string') {
      problems.push({ path, message: 'a resource needs a Type' });
      continue;
    }
    const definition = resourceSpec(resource.Type);
    if (definition === undefined) {
      problems.push({ path, message: `${resource.Type} is not a CloudFormation resource type` });
      continue;
    }
    checkObject(resource.Properties ?? {}, definition, `${path}.Properties`);
    for (const dependency of Array.isArray(resource.DependsOn)
      ? resource.DependsOn
      : resource.DependsOn === undefined
        ? []
        : [resource.DependsOn]) {
      if (typeof dependency !== 'string' || !(dependency in resources))
        problems.push({ path: `${path}.DependsOn`, message: `DependsOn names '${String(dependency)}', which is not a resource` });
    }
    if (typeof resource.Condition === 'string' && !(isObject(template.Conditions) && resource.Condition in template.Conditions))
      problems.push({ path, message: `condition '${resource.Condition}' is not defined` });
  }
  for (const [name, output] of Object.entries(isObject(template.Outputs) ? template.Outputs : {}))
    walkIntrinsics(isObject(output) ? output.Value : output, `Outputs.${name}.Value`);
  for (const [name, parameter] of Object.entries(parameters)) {
    if (!isObject(parameter) || typeof parameter.Type !== 'string')
      problems.push({ path: `Parameters.${name}`, message: 'a parameter needs a Type' });
  }
  return problems;
}

function describe(value: Json): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
