// Tests use the same loopback static-site server as the demo and the benchmarks.
export * from '../../src/devserver/static-site-server.ts';
export {
  startStaticSiteServer as startFixtureServer,
  type StaticSiteServer as FixtureServer,
  type StaticSiteServerOptions as FixtureServerOptions,
} from '../../src/devserver/static-site-server.ts';
