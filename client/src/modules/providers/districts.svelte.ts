// District names for service areas, which the API stores as region codes. Loaded once per session (regions are
// reference data and urql caches them); codes show as they are until the names arrive.
import { childrenOf } from '../regions/regions';
import { viewerPoolingArea } from './providers';

export const districts = $state<{ names: Record<string, string>; options: { code: string; name: string }[] }>({ names: {}, options: [] });

let loading: Promise<void> | null = null;

export function loadDistricts(): Promise<void> {
  loading ??= childrenOf(viewerPoolingArea()).then((r) => {
    if (!r.ok) {
      loading = null;
      return;
    }
    districts.options = r.value.map((x) => ({ code: x.code, name: x.name }));
    districts.names = Object.fromEntries(r.value.map((x) => [x.code, x.name]));
  });
  return loading;
}

export const districtName = (code: string) => districts.names[code] ?? code;
