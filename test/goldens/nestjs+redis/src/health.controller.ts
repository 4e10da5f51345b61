import { Controller, Get, Res } from '@nestjs/common';
import { runChecks } from './health.js';

/** The part of the HTTP response this controller uses. */
interface StatusResponse {
  status(code: number): unknown;
}

@Controller()
export class HealthController {
  @Get()
  index() {
    return { app: 'nestjs-app', health: '/health' };
  }

  @Get('health')
  async health(@Res({ passthrough: true }) res: StatusResponse) {
    const { status, body } = await runChecks();
    res.status(status);
    return body;
  }
}
