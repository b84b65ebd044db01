/**
 * The demo portal's users. The portal's own OpenID provider logs them in; the seed gives them their roles in the
 * demo company. `sub` is what the Berichtsheft server knows them by (together with the issuer).
 */
export interface DemoAccount {
  sub: string;
  password: string;
  name: string;
  email: string;
  roles: readonly ('company_admin' | 'training_admin' | 'trainer' | 'delegate' | 'apprentice')[];
}

export const DEMO_PASSWORD = 'demo';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    sub: 'azubi.anna',
    password: DEMO_PASSWORD,
    name: 'Anna Becker',
    email: 'anna.becker@musterwerk.example',
    roles: ['apprentice'],
  },
  {
    sub: 'azubi.ben',
    password: DEMO_PASSWORD,
    name: 'Ben Yılmaz',
    email: 'ben.yilmaz@musterwerk.example',
    roles: ['apprentice'],
  },
  {
    sub: 'ausbilder.tom',
    password: DEMO_PASSWORD,
    name: 'Thomas Krüger',
    email: 'thomas.krueger@musterwerk.example',
    roles: ['trainer'],
  },
  {
    sub: 'admin.carla',
    password: DEMO_PASSWORD,
    name: 'Carla Nowak',
    email: 'carla.nowak@musterwerk.example',
    roles: ['company_admin', 'training_admin'],
  },
];
