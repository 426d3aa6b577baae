import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** helmet with a strict CSP: own scripts and styles only, no inline code, no framing. */
export function securityHeaders(options: { secure: boolean }) {
  const helmetHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        ...(options.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.secure,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  // The site needs none of these browser features; no embedded content may ask for them either.
  const permissionsPolicy =
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), browsing-topics=()';
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', permissionsPolicy);
    helmetHeaders(req, res, next);
  };
}
