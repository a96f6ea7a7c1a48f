import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ClockController } from './clock-controller.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** An element as Lit drives its controllers: connected, disconnected, asked to update. */
function host() {
  const controllers: ReactiveController[] = [];
  const element = {
    updates: 0,
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => {},
    requestUpdate: () => void element.updates++,
    updateComplete: Promise.resolve(true),
    connect: () => controllers.forEach((c) => c.hostConnected?.()),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
  };
  return element as typeof element & ReactiveControllerHost;
}

describe('the clock controller', () => {
  it('renders its host every period while the host is on the page', () => {
    const element = host();
    new ClockController(element, 1000);
    vi.advanceTimersByTime(5000);
    expect(element.updates).toBe(0);
    element.connect();
    vi.advanceTimersByTime(3500);
    expect(element.updates).toBe(3);
  });

  it('stops when the host leaves the page, and ticks once per period when it comes back', () => {
    const element = host();
    new ClockController(element, 250);
    element.connect();
    vi.advanceTimersByTime(1000);
    element.disconnect();
    vi.advanceTimersByTime(10_000);
    expect(element.updates).toBe(4);
    element.connect();
    element.connect();
    vi.advanceTimersByTime(1000);
    expect(element.updates).toBe(8);
    expect(vi.getTimerCount()).toBe(1);
    element.disconnect();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs its own tick instead when given one', () => {
    const element = host();
    let loads = 0;
    new ClockController(element, 5000, () => loads++);
    element.connect();
    vi.advanceTimersByTime(15_000);
    expect(loads).toBe(3);
    expect(element.updates).toBe(0);
  });
});
