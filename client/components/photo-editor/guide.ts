// The head-size guide over the frame: two ovals (the smallest and the largest accepted head,
// chin to crown) and the band where the eye line belongs. Drawn twice, light then dark, so it
// shows on any photo.

import { GUIDE, type Size } from "./crop.ts";

/** A head is about three quarters as wide as it is tall. */
const HEAD_WIDTH_PER_HEIGHT = 0.74;

function trace(context: CanvasRenderingContext2D, size: Size): void {
  const cx = size.width / 2;
  const cy = GUIDE.ovalCentreY * size.height;
  context.beginPath();
  for (const share of [GUIDE.minHead, GUIDE.maxHead]) {
    const ry = (share * size.height) / 2;
    context.moveTo(cx + ry * HEAD_WIDTH_PER_HEIGHT, cy);
    context.ellipse(cx, cy, ry * HEAD_WIDTH_PER_HEIGHT, ry, 0, 0, Math.PI * 2);
  }
  for (const share of [GUIDE.eyeLineMin, GUIDE.eyeLineMax]) {
    context.moveTo(size.width * 0.08, share * size.height);
    context.lineTo(size.width * 0.92, share * size.height);
  }
  // The centre line, short, above and below the oval.
  context.moveTo(cx, 0);
  context.lineTo(cx, size.height * 0.08);
  context.moveTo(cx, size.height * 0.8);
  context.lineTo(cx, size.height);
}

export function drawGuide(context: CanvasRenderingContext2D, size: Size): void {
  const unit = size.width / 250;
  context.save();
  // The eye band, lightly tinted so it reads as a band rather than two loose lines.
  context.fillStyle = "rgba(5, 53, 210, 0.08)";
  context.fillRect(
    size.width * 0.08,
    GUIDE.eyeLineMin * size.height,
    size.width * 0.84,
    (GUIDE.eyeLineMax - GUIDE.eyeLineMin) * size.height,
  );
  trace(context, size);
  context.lineWidth = 4 * unit;
  context.strokeStyle = "rgba(255, 255, 255, 0.85)";
  context.setLineDash([]);
  context.stroke();
  context.lineWidth = 2 * unit;
  context.strokeStyle = "#0535d2";
  context.setLineDash([8 * unit, 5 * unit]);
  context.stroke();
  context.restore();
}
