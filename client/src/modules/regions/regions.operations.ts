// Region look-ups for the cascading selects; regions change rarely, so these may be served from the cache.
import { graphql } from '../../lib/gql';

export const RegionChildrenQuery = graphql(`
  query RegionChildren($parentCode: String) {
    regions(parentCode: $parentCode) {
      code
      name
      level
    }
  }
`);

export const RegionPathQuery = graphql(`
  query RegionPath($code: String!) {
    region(code: $code) {
      code
      path {
        code
        name
        level
      }
    }
  }
`);
