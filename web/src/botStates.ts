import type { Bot } from './api';

export function canStart(bot: Bot): boolean {
  return !bot.deleting && (bot.state === 'CREATED' || bot.state === 'STOPPED' || bot.state === 'FAILED');
}

export function canStop(bot: Bot): boolean {
  return bot.state === 'STARTING' || bot.state === 'RUNNING';
}

export function stateWords(bot: Bot): string {
  const words = { CREATED: 'Not started', STARTING: 'Starting', RUNNING: 'Running', STOPPING: 'Stopping',
    STOPPED: 'Stopped', FAILED: 'Failed' }[bot.state];
  return bot.deleting ? `${words}, being deleted` : words;
}
