import type { Preview } from '@storybook/html-vite';
import { FONT_FAMILY } from '@scoreflow/viz';

// The font node registers through GlobalFonts (DejaVu Sans, shipped in packages/viz/assets),
// registered here through the FontFace API, so text looks the same in both places.
let fontLoaded: Promise<void> | undefined;
function loadFont(): Promise<void> {
  fontLoaded ??= new FontFace(FONT_FAMILY, 'url(fonts/DejaVuSans.ttf)')
    .load()
    .then((face) => {
      document.fonts.add(face);
    })
    .catch((error: unknown) => console.warn('gallery: DejaVu Sans did not load', error));
  return fontLoaded;
}

const preview: Preview = {
  loaders: [async () => ({ font: await loadFont() })],
  // The components (each with its Docs page) first, then what is built from them.
  parameters: { layout: 'padded', options: { storySort: { order: ['Components', 'Live pipelines', 'Training'] } } },
};

export default preview;
