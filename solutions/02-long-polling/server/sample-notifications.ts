import type { NotificationInput } from './notification-input';

/** What the demo server announces, picked at random, so the page looks like a real app. */
export const SAMPLE_NOTIFICATIONS: readonly NotificationInput[] = [
  { title: 'New forum post', message: 'Lena replied to “How do I reconnect an EventSource?”' },
  { title: 'Room changed', message: 'Web Technologies moves to lecture hall 0.403 this week.' },
  { title: 'Grades published', message: 'The results of assignment 2 are online.' },
  { title: 'New message', message: 'Jonas: “Are we meeting at 2 pm for the project?”' },
  { title: 'Deadline tomorrow', message: 'Hand in the WebSocket chat by 23:59.' },
  { title: 'Build passed', message: 'main · 42 tests green in 18 s.' },
  { title: 'Library', message: 'The book “High Performance Browser Networking” is ready for pickup.' },
  { title: 'Cafeteria', message: 'Today: lentil curry, pasta arrabbiata, salad bar.' },
];

export const SAMPLE_PROGRESS_TASKS: readonly NotificationInput[] = [
  { title: 'Uploading recording', message: 'lecture-07-websockets.mp4', type: 'progress' },
  { title: 'Exporting grades', message: 'Web Technologies, winter term', type: 'progress' },
  { title: 'Generating PDF', message: 'slides-realtime-communication.pdf', type: 'progress' },
];
