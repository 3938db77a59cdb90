import type { Problem } from './api';

/** A bot's parameters as the person types them: JSON, parsed before anything is sent. */
export function ParamsField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <label>
      Parameters (JSON)
      <textarea rows={8} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** The parameters, or the problem to show when they are not JSON. */
export function parseParams(text: string): { params: unknown } | { problem: Problem } {
  try {
    return { params: JSON.parse(text) };
  } catch (error) {
    return { problem: { status: 0, type: 'about:blank', title: 'The parameters are not JSON', detail: String(error) } };
  }
}
