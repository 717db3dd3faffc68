import { useEffect, useRef, useState } from "preact/hooks";
import { format } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/use-i18n.ts";

const MIN_ZOOM = 1;
const MAX_ZOOM = 8;
const STEP = 1.25;
/** How far one arrow key press moves the zoomed photo, as a share of the frame. */
const PAN_STEP = 0.1;

interface View {
  zoom: number;
  /** The point of the photo at the frame's centre, as fractions of its width and height (0.5 = middle). */
  x: number;
  y: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Keeps the frame inside the photo: at zoom z the centre can move z-dependent distances from the middle. */
function bounded(view: View): View {
  const zoom = clamp(view.zoom, MIN_ZOOM, MAX_ZOOM);
  const half = 0.5 / zoom;
  return { zoom, x: clamp(view.x, half, 1 - half), y: clamp(view.y, half, 1 - half) };
}

interface PhotoViewerProps {
  src: string;
  /** The person's name, for the images' text alternatives. */
  name: string;
}

/**
 * The photo large, in colour and in greyscale (the card prints black and
 * white) side by side, zoomed and moved together: buttons, the keyboard
 * (+, -, 0 and the arrows on a focused photo), the mouse wheel, or dragging.
 */
export function OfficerPhotoViewer({ src, name }: PhotoViewerProps) {
  const { m } = useI18n();
  const t = m.officer.viewer;
  const [view, setView] = useState<View>({ zoom: 1, x: 0.5, y: 0.5 });
  const frames = useRef<HTMLDivElement>(null);
  const drag = useRef<{ id: number; startX: number; startY: number; from: View; width: number; height: number } | null>(
    null,
  );

  const zoomBy = (factor: number) => setView((v) => bounded({ ...v, zoom: v.zoom * factor }));
  const pan = (dx: number, dy: number) => setView((v) => bounded({ ...v, x: v.x + dx / v.zoom, y: v.y + dy / v.zoom }));
  const reset = () => setView({ zoom: 1, x: 0.5, y: 0.5 });

  // The wheel zooms instead of scrolling the page only while over a photo; a
  // passive listener (Preact's default) could not prevent the scroll.
  useEffect(() => {
    const element = frames.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      zoomBy(event.deltaY < 0 ? STEP : 1 / STEP);
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    const actions: Record<string, () => void> = {
      "+": () => zoomBy(STEP),
      "=": () => zoomBy(STEP),
      "-": () => zoomBy(1 / STEP),
      "0": reset,
      ArrowLeft: () => pan(-PAN_STEP, 0),
      ArrowRight: () => pan(PAN_STEP, 0),
      ArrowUp: () => pan(0, -PAN_STEP),
      ArrowDown: () => pan(0, PAN_STEP),
    };
    const action = actions[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  }

  function onPointerDown(event: PointerEvent) {
    const frame = event.currentTarget as HTMLElement;
    frame.setPointerCapture(event.pointerId);
    drag.current = {
      id: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      from: view,
      width: frame.clientWidth,
      height: frame.clientHeight,
    };
  }

  function onPointerMove(event: PointerEvent) {
    const d = drag.current;
    if (!d || d.id !== event.pointerId) return;
    const dx = (event.clientX - d.startX) / d.width / d.from.zoom;
    const dy = (event.clientY - d.startY) / d.height / d.from.zoom;
    setView(bounded({ ...d.from, x: d.from.x - dx, y: d.from.y - dy }));
  }

  const endDrag = () => {
    drag.current = null;
  };

  // Scale about the top-left corner, then move so that (x, y) sits at the frame's centre.
  const style = {
    transformOrigin: "0 0",
    transform: `translate(${(0.5 - view.x * view.zoom) * 100}%, ${(0.5 - view.y * view.zoom) * 100}%) scale(${view.zoom})`,
  };
  const percent = Math.round(view.zoom * 100);

  return (
    <div class="photo-viewer">
      <div class="photo-viewer__controls" role="group" aria-label={t.controls}>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => zoomBy(STEP)}
          aria-disabled={view.zoom >= MAX_ZOOM ? "true" : undefined}
        >
          {t.zoomIn}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => zoomBy(1 / STEP)}
          aria-disabled={view.zoom <= MIN_ZOOM ? "true" : undefined}
        >
          {t.zoomOut}
        </button>
        <button type="button" class="button button--secondary" onClick={reset}>
          {t.reset}
        </button>
        <span class="photo-viewer__level" role="status">
          {format(t.level, { percent })}
        </span>
      </div>
      <p class="photo-viewer__help" id="photo-viewer-help">
        {t.help}
      </p>
      <div class="photo-viewer__frames" ref={frames}>
        {(["colour", "greyscale"] as const).map((kind) => (
          <figure key={kind} class="photo-viewer__figure">
            <div
              class="photo-viewer__frame"
              tabIndex={0}
              role="group"
              aria-label={kind === "colour" ? t.colourFrame : t.greyscaleFrame}
              aria-describedby="photo-viewer-help"
              onKeyDown={onKeyDown}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={endDrag}
              onPointerCancel={endDrag}
            >
              <img
                class={`photo-viewer__image${kind === "greyscale" ? " photo-viewer__image--greyscale" : ""}`}
                src={src}
                alt={format(kind === "colour" ? t.colourAlt : t.greyscaleAlt, { name })}
                style={style}
                draggable={false}
              />
            </div>
            <figcaption>{kind === "colour" ? t.colourCaption : t.greyscaleCaption}</figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
