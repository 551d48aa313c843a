/** The storage.session key where the background publishes a playbook run's progress (trusted contexts only). */
export const playbookRunKey = (runId: string) => `playbookRun:${runId}`;
