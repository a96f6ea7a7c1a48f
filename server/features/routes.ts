import type { HonoBase } from 'hono/hono-base';
import type { MergeSchemaPath, Schema } from 'hono/types';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { FEATURES } from './index.js';

/** Where every feature's sub-apps are mounted: under one session. */
export const FEATURE_BASE = '/api/sessions/:code/';

type Listed = (typeof FEATURES)[number];
type RoutesOf<F> = F extends { readonly routes: readonly (infer R)[] } ? R : never;
// A sub-app as its routes leave it: hono's base class, whose last parameter is the path of its last route.
type SchemaOf<A> = A extends HonoBase<AppEnv, infer S extends Schema, infer _Base, infer _Current> ? S : never;
type MountedSchema<R> = R extends { readonly path: infer P extends string; readonly routes: (deps: AppDeps) => infer A }
  ? MergeSchemaPath<SchemaOf<A>, `${typeof FEATURE_BASE}${P}`>
  : never;

/** Every feature's routes with their paths, as types: what the pages' typed client sees of them. */
export type FeatureSchema = MountedSchema<RoutesOf<Listed>>;

/** Mounts every feature's sub-apps on the app. */
export function mountFeatureRoutes<S extends Schema, Base extends string, Current extends string>(
  app: HonoBase<AppEnv, S, Base, Current>,
  deps: AppDeps,
): HonoBase<AppEnv, S | FeatureSchema, Base, Current> {
  for (const feature of FEATURES) {
    if (!('routes' in feature)) continue;
    for (const { path, routes } of feature.routes) app.route(`${FEATURE_BASE}${path}`, routes(deps));
  }
  // The features' routes are mounted above; their types join the app's here.
  return app;
}
