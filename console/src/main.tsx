/** The cadre console: Ant Design in the console's language, the session, the pages under /console/. */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { ConfigProvider, App as AntApp } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next, { saveLang, type Lang } from './i18n';
import { SessionProvider } from './session/session';
import { App } from './App';

function Root() {
  const [lang, setLang] = useState<Lang>(i18next.language === 'en' ? 'en' : 'zh-CN');
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  const switchLang = () => {
    const next: Lang = lang === 'en' ? 'zh-CN' : 'en';
    saveLang(next);
    void i18next.changeLanguage(next);
    document.documentElement.lang = next;
    setLang(next);
  };
  return (
    <ConfigProvider locale={lang === 'en' ? enUSLocale : zhCNLocale} theme={{ token: { colorPrimary: '#b7312c', borderRadius: 4 } }}>
      <AntApp>
        <BrowserRouter basename="/console">
          <SessionProvider lang={lang}>
            <App switchLang={switchLang} />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
