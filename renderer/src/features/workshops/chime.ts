/**
 * The timer's end sound: a short, soft two-note chime made with Web Audio, so nothing is fetched and no sound
 * file ships (WORKSHOPS.md §5.E.18: "short and recognizable but not too obnoxious"). The audio context is made
 * when the facilitator starts a timer (a user gesture), because browsers keep audio silent until then.
 */

let context: AudioContext | null = null;

/** Makes (or wakes) the audio context; call from a click. */
export function primeAudio(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
  } catch {
    context = null; // no audio device: the visible and announced end still work
  }
}

export function playChime(): void {
  if (!context) primeAudio();
  const ctx = context;
  if (!ctx) return;
  const start = ctx.currentTime + 0.02;
  // A rising minor sixth (E5 to C6), as a doorbell: two sine notes with a quick attack and a gentle decay,
  // about 1.6 seconds.
  [659.25, 1046.5].forEach((frequency, i) => {
    const at = start + i * 0.32;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 1.3);
  });
}
