import { PANEL_MAX_WIDTH, PANEL_MIN_WIDTH } from '@/lib/panel-layout/layout';

type ResizeHandleProps = {
  width: number;
  onResize: (width: number) => void;
};

/** The panel's left edge: drag it, or focus it and use the arrow keys. */
export default function ResizeHandle({ width, onResize }: ResizeHandleProps) {
  const onPointerDown = (event: PointerEvent) => {
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    const startX = event.screenX;
    const startWidth = width;
    const move = (e: PointerEvent) => onResize(startWidth + (startX - e.screenX));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft') onResize(width + 20);
    else if (event.key === 'ArrowRight') onResize(width - 20);
    else return;
    event.preventDefault();
  };
  return (
    <div
      class="resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize panel"
      aria-valuemin={PANEL_MIN_WIDTH}
      aria-valuemax={PANEL_MAX_WIDTH}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
