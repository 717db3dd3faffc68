// Touch gestures for browser tests. Playwright's `tap` is one finger and has no
// drag or pinch, so these send raw touch events through the DevTools protocol,
// as a phone's touch screen would (the page sees pointer events of type "touch").
import type { Locator, Page } from "playwright-core";

type Finger = { x: number; y: number; id: number };

async function centreOf(target: Locator): Promise<[number, number]> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error("touch target is not visible");
  return [box.x + box.width / 2, box.y + box.height / 2];
}

async function gesture(page: Page, steps: Finger[][]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: steps[0]! });
    for (const points of steps.slice(1))
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: points });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}

/** Two fingers on the target's centre moving apart (zoom in) from `from` to `to` px each side. */
export async function pinch(page: Page, target: Locator, from = 30, to = 90): Promise<void> {
  const [cx, cy] = await centreOf(target);
  await pinchAt(page, cx, cy, from, to);
}

/** Two fingers on (cx, cy) in the viewport moving apart from `from` to `to` px each side. */
export async function pinchAt(page: Page, cx: number, cy: number, from = 30, to = 90): Promise<void> {
  const steps: Finger[][] = [];
  for (let spread = from; spread <= to; spread += 10) {
    steps.push([
      { x: cx - spread, y: cy, id: 1 },
      { x: cx + spread, y: cy, id: 2 },
    ]);
  }
  await gesture(page, steps);
}

/** One finger from the target's centre, moved by (dx, dy) in five steps. */
export async function touchDrag(page: Page, target: Locator, dx: number, dy: number): Promise<void> {
  const [cx, cy] = await centreOf(target);
  const steps: Finger[][] = [];
  for (let i = 0; i <= 5; i++) steps.push([{ x: cx + (dx * i) / 5, y: cy + (dy * i) / 5, id: 1 }]);
  await gesture(page, steps);
}
