/** The signed-in user's client session token and Latchkey's URL, from the example's backend. */
export const fetchClientSession = async (): Promise<{ token: string; endpoint: string }> => {
  const res = await fetch('/api/client-session')
  if (!res.ok) throw new Error(`the backend answered ${res.status}: sign in first`)
  return (await res.json()) as { token: string; endpoint: string }
}
