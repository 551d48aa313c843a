export type JsonBody = { ok: true; value: unknown } | { ok: false; problem: string };

/** A response's JSON body (undefined when empty), or why it could not be read. */
export async function readJsonBody(response: Response): Promise<JsonBody> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { ok: false, problem: 'the body was cut off' };
  }
  try {
    return { ok: true, value: text === '' ? undefined : JSON.parse(text) };
  } catch {
    return { ok: false, problem: 'the body is not valid JSON' };
  }
}
