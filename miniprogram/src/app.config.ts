export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/apply/index',
    'pages/cases/index',
    'pages/case/index',
    'pages/policies/index',
    'pages/policy/index',
    'pages/contact/index',
  ],
  // h5: pages switch at once (a sliding page widens the layout on phones and helps nobody).
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    navigationBarTitleText: '防贫助手',
    navigationBarBackgroundColor: '#1e5fbf',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f8',
  },
});
