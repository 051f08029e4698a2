// The hello plugin's public widgets bundle (served at /widgets/hello.js). No admin shell, no @cong/sdk:
// only Lit (shared, from /widgets/_lit/) and fetch.
export { HelloGreetings } from './hello-greetings/hello-greetings.js';
