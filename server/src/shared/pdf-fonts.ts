// The fonts every printed document embeds (subset by pdfkit): Noto Sans SC renders Chinese correctly.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
export const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
