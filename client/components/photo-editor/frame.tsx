import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../../lib/use-i18n.ts";
import { type Crop, type Point, type Size, panCrop, zoomCrop } from "./crop.ts";
import { drawGuide } from "./guide.ts";
import { drawCrop } from "./render.ts";

/** The frame's drawing size (CSS scales it to the column; 5:7). */
const FRAME_SIZE: Size = { width: 500, height: 700 };
/** Arrow keys move by this share of the crop's width (with Shift, five times more). */
const KEY_STEP = 0.02;
/** +/- keys and the buttons zoom by this factor. */
export const ZOOM_STEP = 1.1;

interface FrameProps {
  bitmap: ImageBitmap;
  crop: Crop;
  /** Called with an update of the latest crop (pointer events can outrun renders). */
  onCrop: (update: (crop: Crop) => Crop) => void;
  labelId: string;
  helpId: string;
}

/**
 * The 5:7 frame: the photo as it will be cropped, with the head-size guide on top. Moved by drag
 * (mouse, pen, one finger), pinch (two fingers), the wheel and the keyboard.
 */
export function Frame({ bitmap, crop, onCrop, labelId, helpId }: FrameProps) {
  const { m } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pointers = useRef(new Map<number, Point>());
  const image: Size = { width: bitmap.width, height: bitmap.height };

  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context) return;
    drawCrop(context, bitmap, crop, FRAME_SIZE);
    drawGuide(context, FRAME_SIZE);
  }, [bitmap, crop]);

  /** Source pixels per CSS pixel of the frame as shown now, and the frame's position. */
  function geometry(current: Crop) {
    const rect = canvas.current!.getBoundingClientRect();
    return { rect, scale: current.width / Math.max(1, rect.width) };
  }

  function sourcePoint(current: Crop, clientX: number, clientY: number): Point {
    const { rect, scale } = geometry(current);
    return { x: current.x + (clientX - rect.left) * scale, y: current.y + (clientY - rect.top) * scale };
  }

  // The wheel listener must not be passive, or the page would scroll as well as zoom.
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015));
      onCrop((current) => zoomCrop(current, image, factor, sourcePoint(current, event.clientX, event.clientY)));
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [bitmap]);

  function onPointerDown(event: PointerEvent) {
    canvas.current?.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
  }

  function onPointerMove(event: PointerEvent) {
    const before = pointers.current.get(event.pointerId);
    if (!before) return;
    const others = [...pointers.current.entries()].filter(([id]) => id !== event.pointerId).map(([, p]) => p);
    const now = { x: event.clientX, y: event.clientY };
    pointers.current.set(event.pointerId, now);
    if (others.length === 0) {
      onCrop((current) => {
        const { scale } = geometry(current);
        return panCrop(current, image, -(now.x - before.x) * scale, -(now.y - before.y) * scale);
      });
      return;
    }
    // Pinch: the distance between the two fingers gives the zoom, about their midpoint.
    const other = others[0]!;
    const was = Math.hypot(before.x - other.x, before.y - other.y);
    const is = Math.hypot(now.x - other.x, now.y - other.y);
    if (was < 1 || is < 1) return;
    onCrop((current) =>
      zoomCrop(current, image, is / was, sourcePoint(current, (now.x + other.x) / 2, (now.y + other.y) / 2)),
    );
  }

  function onPointerEnd(event: PointerEvent) {
    pointers.current.delete(event.pointerId);
  }

  function onKeyDown(event: KeyboardEvent) {
    const step = KEY_STEP * (event.shiftKey ? 5 : 1);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      // The keys move the photo, so the window moves the other way.
      onCrop((current) => panCrop(current, image, -move[0] * step * current.width, -move[1] * step * current.width));
      return;
    }
    if (event.key === "+" || event.key === "=") {
      event.preventDefault();
      onCrop((current) => zoomCrop(current, image, ZOOM_STEP));
    } else if (event.key === "-" || event.key === "_") {
      event.preventDefault();
      onCrop((current) => zoomCrop(current, image, 1 / ZOOM_STEP));
    }
  }

  return (
    <canvas
      ref={canvas}
      class="photo-editor__frame"
      width={FRAME_SIZE.width}
      height={FRAME_SIZE.height}
      tabIndex={0}
      role="application"
      aria-roledescription={m.photoEditor.frameRole}
      aria-labelledby={labelId}
      aria-describedby={helpId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onLostPointerCapture={onPointerEnd}
      onKeyDown={onKeyDown}
    />
  );
}
