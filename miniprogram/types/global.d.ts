/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

/** Build-time constant (config/index.ts defineConstants): the API origin; '' for same origin (h5). */
declare const API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
  }
}
