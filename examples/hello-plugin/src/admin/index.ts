// The hello plugin's admin bundle: the elements its manifest names (nav page and dashboard widget).
export { GreetingList } from './greeting-list/greeting-list.js';
export { GreetingCount } from './greeting-count/greeting-count.js';
