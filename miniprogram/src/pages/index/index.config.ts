export default definePageConfig({ navigationBarTitleText: '防贫助手' });
