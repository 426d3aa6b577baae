// The reference point of `npm run bench`: a bare Express 5 route on the same Node version, without sessions,
// templates or a database. Every page's requests per second are shown as a share of this one.
import express from 'express';

const app = express();
app.get('/', (_req, res) => {
  res.send('ok');
});

const server = app.listen(Number(process.env.PORT), '127.0.0.1', (error) => {
  if (error) {
    console.error(error.message);
    process.exit(1);
  }
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
